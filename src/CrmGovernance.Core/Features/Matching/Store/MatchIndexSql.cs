using System.Data.Common;
using CrmGovernance.Core.Data.Dialects;

namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>
/// Set-based writes of match index entries inside a caller's transaction (the worker's batch record, a change-feed page,
/// a merge), with the dialect's statements (Data/Dialects). An upsert whose values did not change leaves the row alone,
/// so its update time stays and no other process re-reads it.
/// </summary>
internal sealed class MatchIndexSql(IPortalSqlDialect dialect, DbConnection connection, DbTransaction transaction)
{
    public async Task<int> UpsertAsync(Guid systemId, Guid objectId, IEnumerable<(string Id, string ValuesJson)> entries, DateTime now, CancellationToken ct)
    {
        return await StatementRows.ExecuteAsync(dialect, connection, transaction, dialect.MatchIndex.Upsert,
            entries.Select(e => new object?[] { systemId, objectId, e.Id, e.ValuesJson, now }), ct);
    }

    /// <summary>Marks records removed; the row stays as a tombstone so other processes' indexes drop the record too.</summary>
    public async Task<int> RemoveAsync(Guid systemId, Guid objectId, IEnumerable<string> ids, DateTime now, CancellationToken ct)
    {
        await using var command = Command(dialect.MatchIndex.Remove);
        var removed = 0;
        foreach (var id in ids)
        {
            removed += await command.ExecuteAsync(ct, now, systemId, objectId, id);
        }
        return removed;
    }

    public async Task SaveCursorAsync(Guid systemId, Guid objectId, string? cursor, string fieldMap, DateTime now, CancellationToken ct)
    {
        await using var command = Command(dialect.MatchIndex.SaveCursor);
        await command.ExecuteAsync(ct, systemId, objectId, cursor, fieldMap, now);
    }

    private PortalCommand Command(SqlStatement statement) => PortalCommand.Create(dialect, connection, transaction, statement);
}
