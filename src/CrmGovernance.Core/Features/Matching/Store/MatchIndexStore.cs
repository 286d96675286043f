using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>
/// Writes the stored match index of a system's object: upserts of records' matchable values, tombstones of removed
/// records, and the change-feed cursor. Every process's <see cref="MatchIndexCache"/> picks the writes up by their time.
/// </summary>
public sealed class MatchIndexStore(IDbContextFactory<CrmDbContext> contexts, TimeProvider time)
{
    /// <summary>Adds or replaces the records' values; returns how many rows changed.</summary>
    public Task<int> UpsertAsync(Guid systemId, Guid objectId, IReadOnlyList<MatchRecord> records, CancellationToken cancellationToken) =>
        InTransactionAsync((sql, now) => sql.UpsertAsync(systemId, objectId, records.Select(r => (r.Id, MatchIndexValues.Serialize(r))), now, cancellationToken),
            cancellationToken);

    /// <summary>Drops the records from every process's index (a merged-away or deleted record).</summary>
    public Task<int> RemoveAsync(Guid systemId, Guid objectId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        InTransactionAsync((sql, now) => sql.RemoveAsync(systemId, objectId, ids, now, cancellationToken), cancellationToken);

    /// <summary>The stored change-feed cursor; null before the first read, or when it was read with other fields (read all again).</summary>
    public async Task<string?> CursorAsync(Guid systemId, Guid objectId, string fieldMap, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.MatchIndexCursors.AsNoTracking().Where(c => c.SystemId == systemId && c.ObjectId == objectId)
            .Select(c => new { c.Cursor, c.FieldMap }).FirstOrDefaultAsync(cancellationToken);
        return stored is not null && stored.FieldMap == fieldMap ? stored.Cursor : null;
    }

    /// <summary>Stores a page of the target's own changes and the cursor after it, together.</summary>
    public Task<int> ApplyChangesAsync(Guid systemId, Guid objectId, IReadOnlyList<MatchRecord> records, string? cursor, string fieldMap,
        CancellationToken cancellationToken) =>
        InTransactionAsync(async (sql, now) =>
        {
            var changed = await sql.UpsertAsync(systemId, objectId, records.Select(r => (r.Id, MatchIndexValues.Serialize(r))), now, cancellationToken);
            await sql.SaveCursorAsync(systemId, objectId, cursor, fieldMap, now, cancellationToken);
            return changed;
        }, cancellationToken);

    private async Task<int> InTransactionAsync(Func<MatchIndexSql, DateTime, Task<int>> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(new MatchIndexSql(db.Database.Dialect(), connection, transaction), time.GetUtcNow().UtcDateTime);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
