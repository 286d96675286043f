using System.CommandLine;

namespace CrmGovernance.Cli.Commands;

/// <summary><c>crmgov audit export|verify</c>: the audit log taken away to Excel, and its hash chain checked.</summary>
internal static class AuditCommand
{
    public static Command Create(Option<string> contentRoot) =>
        new("audit", "Exports the audit log to Excel and verifies its hash chain.")
        {
            AuditExportCommand.Create(contentRoot), AuditVerifyCommand.Create(contentRoot),
        };

    /// <summary>Who the command acts as in the audit trail: a system actor naming the operating-system user.</summary>
    public static string Actor => $"cli ({Environment.UserName})";
}
