namespace CrmGovernance.Core.Tests;

internal static class SqliteOnly
{
    public const string Reason = "About SQLite itself; this run is on PostgreSQL (CRMGOV_TEST_PROVIDER).";
}
