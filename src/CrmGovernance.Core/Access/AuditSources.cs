namespace CrmGovernance.Core.Access;

public static class AuditSources
{
    public const string Ui = "ui";
    public const string Api = "api";
    public const string Worker = "worker";
}
