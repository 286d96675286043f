using CrmGovernance.Core.Data;

namespace CrmGovernance.Core.Tests;

/// <summary>
/// A test about SQLite itself (its pragmas, its bundled version, its query plans): skipped, with the reason, when the run
/// is on PostgreSQL (<see cref="TestDatabase.RunProvider"/>). Where PostgreSQL has a counterpart, it is a test of its own.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestDatabase.RunProvider != DatabaseProvider.Sqlite)
        {
            Skip = SqliteOnly.Reason;
        }
    }
}
