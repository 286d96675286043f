using CrmGovernance.Core.Data;

namespace CrmGovernance.Core.Tests;

/// <summary>The theory form of <see cref="SqliteOnlyFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute()
    {
        if (TestDatabase.RunProvider != DatabaseProvider.Sqlite)
        {
            Skip = SqliteOnly.Reason;
        }
    }
}
