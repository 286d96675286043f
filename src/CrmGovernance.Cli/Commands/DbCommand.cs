using System.CommandLine;

namespace CrmGovernance.Cli.Commands;

/// <summary><c>crmgov db copy</c>: the installation's database moved to another engine.</summary>
internal static class DbCommand
{
    public static Command Create(Option<string> contentRoot) =>
        new("db", "Moves the portal database to another engine.") { DbCopyCommand.Create(contentRoot) };
}
