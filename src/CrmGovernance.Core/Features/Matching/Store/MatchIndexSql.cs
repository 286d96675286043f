using System.Data.Common;

namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>
/// Set-based writes of match index entries inside a caller's transaction (the worker's batch record, a change-feed page,
/// a merge). An upsert whose values did not change leaves the row alone, so its update time stays and no other process
/// re-reads it.
/// </summary>
internal sealed class MatchIndexSql(DbConnection connection, DbTransaction transaction)
{
    public async Task<int> UpsertAsync(Guid systemId, Guid objectId, IEnumerable<(string Id, string ValuesJson)> entries, DateTime now, CancellationToken ct)
    {
        await using var command = Command("""
            INSERT INTO MatchIndexEntries (SystemId, ObjectId, RecordId, ValuesJson, UpdatedUtc, IsDeleted)
            VALUES (@system, @object, @id, @values, @at, 0)
            ON CONFLICT (SystemId, ObjectId, RecordId) DO UPDATE SET ValuesJson = excluded.ValuesJson, UpdatedUtc = excluded.UpdatedUtc, IsDeleted = 0
            WHERE MatchIndexEntries.ValuesJson <> excluded.ValuesJson OR MatchIndexEntries.IsDeleted <> 0
            """, "@system", "@object", "@id", "@values", "@at");
        var changed = 0;
        foreach (var (id, values) in entries)
        {
            changed += await ExecuteAsync(command, ct, systemId, objectId, id, values, now);
        }
        return changed;
    }

    /// <summary>Marks records removed; the row stays as a tombstone so other processes' indexes drop the record too.</summary>
    public async Task<int> RemoveAsync(Guid systemId, Guid objectId, IEnumerable<string> ids, DateTime now, CancellationToken ct)
    {
        await using var command = Command("""
            UPDATE MatchIndexEntries SET IsDeleted = 1, ValuesJson = '{}', UpdatedUtc = @at
            WHERE SystemId = @system AND ObjectId = @object AND RecordId = @id AND IsDeleted = 0
            """, "@at", "@system", "@object", "@id");
        var removed = 0;
        foreach (var id in ids)
        {
            removed += await ExecuteAsync(command, ct, now, systemId, objectId, id);
        }
        return removed;
    }

    public async Task SaveCursorAsync(Guid systemId, Guid objectId, string? cursor, string fieldMap, DateTime now, CancellationToken ct)
    {
        await using var command = Command("""
            INSERT INTO MatchIndexCursors (SystemId, ObjectId, Cursor, FieldMap, UpdatedUtc) VALUES (@system, @object, @cursor, @map, @at)
            ON CONFLICT (SystemId, ObjectId) DO UPDATE SET Cursor = excluded.Cursor, FieldMap = excluded.FieldMap, UpdatedUtc = excluded.UpdatedUtc
            """, "@system", "@object", "@cursor", "@map", "@at");
        await ExecuteAsync(command, ct, systemId, objectId, cursor, fieldMap, now);
    }

    private DbCommand Command(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    private static Task<int> ExecuteAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            // Values as EF Core stores them in SQLite: a Guid as upper-case text.
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Guid g => g.ToString().ToUpperInvariant(),
                var v => v,
            };
        }
        return command.ExecuteNonQueryAsync(ct);
    }
}
