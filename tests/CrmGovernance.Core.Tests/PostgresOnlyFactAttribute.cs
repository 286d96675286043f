using CrmGovernance.Core.Data;

namespace CrmGovernance.Core.Tests;

/// <summary>A test about PostgreSQL itself (its triggers, its query plans): skipped, with the reason, on a SQLite run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute()
    {
        if (TestDatabase.RunProvider != DatabaseProvider.Postgres)
        {
            Skip = "About PostgreSQL itself; this run is on SQLite (set CRMGOV_TEST_PROVIDER=Postgres).";
        }
    }
}
