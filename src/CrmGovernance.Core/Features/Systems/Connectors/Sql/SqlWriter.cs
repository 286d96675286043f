using System.Data.Common;
using System.Numerics;

namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>
/// Batched upserts in one transaction, rows grouped by column set: changed fields of existing records by one
/// UPDATE … FROM (VALUES …) per chunk, new (and missing) records by multi-row INSERT … ON CONFLICT. When the database
/// refuses a row, the batch is rolled back and written again row by row (a savepoint each) so only the refused rows fail.
/// </summary>
internal sealed class SqlWriter(SqlDialect dialect, SqlStatements statements, SqlSchema schema, TimeProvider clock)
{
    private const int MaxRowsPerStatement = 256;

    public async Task<IReadOnlyList<WriteResult>> UpsertAsync(DbConnection connection, string objectKey, IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        var table = await schema.TableAsync(connection, objectKey, cancellationToken);
        var now = ConnectorTime.Text(clock.GetUtcNow());
        // A batch naming an id twice is written once, the later values winning.
        var merged = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        var isNew = new HashSet<string>(StringComparer.Ordinal);
        foreach (var write in writes.Where(w => !string.IsNullOrEmpty(w.Id)))
        {
            if (write.IsNew)
            {
                isNew.Add(write.Id);
            }
            if (!merged.TryGetValue(write.Id, out var fields))
            {
                merged[write.Id] = fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            }
            foreach (var (name, value) in write.Fields)
            {
                var column = table.Column(name, $"field written to object '{objectKey}'");
                if (column != table.Key)
                {
                    fields[column] = value;
                }
            }
            if (table.Updated is { } updated && updated != table.Key)
            {
                fields.TryAdd(updated, now);
            }
        }
        var rows = merged.Select(m =>
        {
            var columns = m.Value.Keys.Order(StringComparer.Ordinal).ToArray();
            return new SqlRow(m.Key, columns, columns.Select(c => m.Value[c]).ToArray(), Partial: !isNew.Contains(m.Key));
        }).ToList();
        var errors = await WriteAsync(connection, table, rows, updateExisting: true, cancellationToken);
        return writes.Select(w => new WriteResult(w.Id, string.IsNullOrEmpty(w.Id) ? "The record has no id." : errors.GetValueOrDefault(w.Id))).ToList();
    }

    public async Task<IReadOnlyList<WriteResult>> AppendAsync(DbConnection connection, IReadOnlyList<ActivityWrite> activities, CancellationToken cancellationToken)
    {
        var table = await schema.TableAsync(connection, SqlSchema.ActivityObject, cancellationToken);
        var columns = SqlSchema.ActivityColumns.Skip(1).Select(c => table.Column(c, "activity column")).ToArray();
        var rows = activities.DistinctBy(a => a.Id, StringComparer.Ordinal).Select(a => new SqlRow(a.Id, columns,
            [a.ObjectKey, a.RecordId, a.Kind, ConnectorTime.UtcText(a.OccurredUtc), a.DetailsJson])).ToList();
        var errors = await WriteAsync(connection, table, rows, updateExisting: false, cancellationToken);
        return activities.Select(a => new WriteResult(a.Id, errors.GetValueOrDefault(a.Id))).ToList();
    }

    /// <summary>Writes the rows; returns the refused ones' errors by id.</summary>
    private async Task<Dictionary<string, string>> WriteAsync(DbConnection connection, SqlTable table, List<SqlRow> rows, bool updateExisting, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rows.Count == 0)
        {
            return errors;
        }
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                var updated = new HashSet<string>(StringComparer.Ordinal);
                foreach (var group in rows.Where(r => r.Partial && r.Columns.Count > 0).GroupBy(r => r.Shape))
                {
                    await ForChunksAsync(group.ToList(), async chunk => updated.UnionWith(await UpdateAsync(connection, transaction, table, chunk, cancellationToken)));
                }
                foreach (var group in rows.Where(r => !updated.Contains(r.Id)).GroupBy(r => r.Shape))
                {
                    await ForChunksAsync(group.ToList(), chunk => InsertAsync(connection, transaction, table, chunk, updateExisting, cancellationToken));
                }
                await transaction.CommitAsync(cancellationToken);
                return errors;
            }
            catch (DbException e) when (dialect.IsRecordError(e))
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
        await using var oneByOne = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            await oneByOne.SaveAsync("row", cancellationToken);
            try
            {
                if (!row.Partial || row.Columns.Count == 0 || (await UpdateAsync(connection, oneByOne, table, [row], cancellationToken)).Count == 0)
                {
                    await InsertAsync(connection, oneByOne, table, [row], updateExisting, cancellationToken);
                }
                await oneByOne.ReleaseAsync("row", cancellationToken);
            }
            catch (DbException e) when (dialect.IsRecordError(e))
            {
                await oneByOne.RollbackAsync("row", cancellationToken);
                errors[row.Id] = e.Message;
            }
        }
        await oneByOne.CommitAsync(cancellationToken);
        return errors;
    }

    /// <summary>Splits rows of one column set into statements of a power-of-two size: a handful of shapes, each prepared once.</summary>
    private async Task ForChunksAsync(List<SqlRow> rows, Func<List<SqlRow>, Task> write)
    {
        var cap = Math.Min(MaxRowsPerStatement, dialect.MaxParameters / (rows[0].Columns.Count + 1));
        for (var start = 0; start < rows.Count;)
        {
            var size = 1 << BitOperations.Log2((uint)Math.Min(cap, rows.Count - start));
            await write(rows.GetRange(start, size));
            start += size;
        }
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, SqlTable table, List<SqlRow> rows, bool updateExisting, CancellationToken cancellationToken) =>
        await Bind(connection, transaction, SqlWriteSql.Insert(table, rows[0].Columns, rows.Count, updateExisting), rows).ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Updates the rows that exist; returns their keys.</summary>
    private async Task<List<string>> UpdateAsync(DbConnection connection, DbTransaction transaction, SqlTable table, List<SqlRow> rows, CancellationToken cancellationToken)
    {
        var keys = new List<string>(rows.Count);
        await using var reader = await Bind(connection, transaction, SqlWriteSql.Update(dialect, table, rows[0].Columns, rows.Count), rows).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(dialect.Text(reader.GetValue(0)) ?? "");
        }
        return keys;
    }

    private DbCommand Bind(DbConnection connection, DbTransaction transaction, string sql, List<SqlRow> rows)
    {
        var width = rows[0].Columns.Count + 1;
        var command = statements.Get(connection, sql, rows.Count * width, transaction);
        for (var r = 0; r < rows.Count; r++)
        {
            command.Parameters[r * width].Value = rows[r].Id;
            for (var c = 0; c < width - 1; c++)
            {
                command.Parameters[(r * width) + c + 1].Value = (object?)rows[r].Values[c] ?? DBNull.Value;
            }
        }
        return command;
    }
}
