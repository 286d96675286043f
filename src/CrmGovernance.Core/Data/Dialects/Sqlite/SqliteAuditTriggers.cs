using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data.Dialects.Sqlite;

/// <summary>The triggers as the Initial and ChangeControl migrations write them, and SQLite's catalogue of triggers.</summary>
internal sealed class SqliteAuditTriggers : IAuditTriggerStatements
{
    public IReadOnlyDictionary<string, string> Expected { get; } = new Dictionary<string, string>
    {
        ["AuditEntries_NoUpdate"] = "CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END",
        ["AuditEntries_NoDelete"] = "CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END",
        ["ConfigurationVersions_NoUpdate"] = "CREATE TRIGGER ConfigurationVersions_NoUpdate BEFORE UPDATE ON ConfigurationVersions BEGIN SELECT RAISE(ABORT, 'configuration versions are immutable'); END",
        ["ConfigurationVersions_NoDelete"] = "CREATE TRIGGER ConfigurationVersions_NoDelete BEFORE DELETE ON ConfigurationVersions BEGIN SELECT RAISE(ABORT, 'configuration versions are immutable'); END",
    };

    public async Task<IReadOnlyList<StoredTrigger>> StoredAsync(CrmDbContext db, CancellationToken ct) =>
        await db.Database.SqlQuery<StoredTrigger>($"SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'trigger'").ToListAsync(ct);
}
