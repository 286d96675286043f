using System.Data.Common;
using System.Globalization;
using System.Numerics;

namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>
/// A table per object in SQLite or PostgreSQL. One connection for the connector's life (one run), opened on first
/// use; statements are prepared once and reused. Values travel as text; the database converts them as it would literals.
/// </summary>
internal sealed class SqlConnector : ISyncConnector
{
    /// <summary>IN lists are split into chunks of at most this many parameters.</summary>
    public const int LookupChunk = 500;

    private readonly SqlDialect _dialect;
    private readonly ConnectorSettings _settings;
    private readonly SqlSchema _schema;
    private readonly SqlStatements _statements;
    private readonly SqlWriter _writer;
    private readonly SqlDeleter _deleter;
    private DbConnection? _connection;

    public SqlConnector(SqlDialect dialect, ConnectorSettings settings, TimeProvider clock)
    {
        _dialect = dialect;
        _settings = settings;
        _schema = new SqlSchema(dialect, settings);
        _statements = new SqlStatements(dialect);
        _writer = new SqlWriter(dialect, _statements, _schema, clock);
        _deleter = new SqlDeleter(dialect, _statements, _schema);
    }

    public Task<ChangePage> ReadChangesAsync(string objectKey, string? cursor, int max, CancellationToken cancellationToken) =>
        GuardAsync(async connection =>
        {
            var table = await _schema.TableAsync(connection, objectKey, cancellationToken);
            var updated = SqlDialect.Quote(table.RequireUpdated($"{objectKey}.updated"));
            var key = SqlDialect.Quote(table.Key);
            var (after, afterKey) = ConnectorCursor.Decode(cursor);
            var where = cursor is null ? $"{updated} IS NOT NULL" : $"{updated} >= @p0 AND ({updated} > @p0 OR {key} > @p1)";
            var command = _statements.Get(connection,
                $"SELECT {table.SelectList} FROM {table.Quoted} WHERE {where} ORDER BY {updated}, {key} LIMIT {Math.Max(1, max):D}",
                cursor is null ? 0 : 2);
            if (cursor is not null)
            {
                SqlStatements.Bind(command, [after, afterKey]);
            }
            var records = await ReadRecordsAsync(command, table, cancellationToken);
            if (records.Count == 0)
            {
                return new ChangePage(records, cursor);
            }
            var last = records[^1];
            return new ChangePage(records, ConnectorCursor.Encode(last.Fields[table.Updated!], last.Id));
        }, cancellationToken);

    public Task<IReadOnlyList<ConnectorRecord>> LookupAsync(string objectKey, string? field, IReadOnlyCollection<string> values, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<ConnectorRecord>>(async connection =>
        {
            var table = await _schema.TableAsync(connection, objectKey, cancellationToken);
            var column = SqlDialect.Quote(field is null ? table.Key : table.Column(field, $"lookup field of object '{objectKey}'"));
            var distinct = values.Distinct(StringComparer.Ordinal).ToArray();
            var found = new List<ConnectorRecord>();
            var chunkSize = Math.Min(LookupChunk, _dialect.MaxParameters);
            foreach (var chunk in distinct.Chunk(chunkSize))
            {
                // Few distinct statement sizes (powers of two), padded with a repeated value, so prepared statements are reused.
                var size = chunk.Length <= 8 ? chunk.Length : Math.Min(chunkSize, (int)BitOperations.RoundUpToPowerOf2((uint)chunk.Length));
                var parameters = string.Join(", ", Enumerable.Range(0, size).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)));
                var command = _statements.Get(connection, $"SELECT {table.SelectList} FROM {table.Quoted} WHERE {column} IN ({parameters})", size);
                SqlStatements.Bind(command, Enumerable.Range(0, size).Select(i => (string?)chunk[Math.Min(i, chunk.Length - 1)]).ToArray());
                found.AddRange(await ReadRecordsAsync(command, table, cancellationToken));
            }
            return found;
        }, cancellationToken);

    public Task<IReadOnlyList<WriteResult>> WriteBatchAsync(string objectKey, IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken) =>
        GuardAsync(connection => _writer.UpsertAsync(connection, objectKey, writes, cancellationToken), cancellationToken);

    /// <summary>Inserts the activities the table does not hold yet (INSERT … ON CONFLICT DO NOTHING); the others are reported as already recorded.</summary>
    public async Task<IReadOnlyList<WriteResult>> AppendActivitiesAsync(IReadOnlyList<ActivityWrite> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }
        var held = (await LookupAsync(SqlSchema.ActivityObject, null, activities.Select(a => a.Id).ToList(), cancellationToken))
            .Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var written = await GuardAsync(connection => _writer.AppendAsync(connection, activities.Where(a => !held.Contains(a.Id)).ToList(), cancellationToken), cancellationToken);
        return [.. activities.Where(a => held.Contains(a.Id)).Select(a => new WriteResult(a.Id, null, AlreadyRecorded: true)), .. written];
    }

    public Task<IReadOnlyList<WriteResult>> DeleteBatchAsync(string objectKey, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        GuardAsync(connection => _deleter.DeleteAsync(connection, objectKey, ids, cancellationToken), cancellationToken);

    public async Task<ConnectorHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await GuardAsync(async connection =>
            {
                var missing = new List<string>();
                foreach (var table in _schema.ConfiguredTables().Distinct(StringComparer.Ordinal))
                {
                    if ((await _dialect.ColumnsAsync(connection, table, cancellationToken)).Count == 0)
                    {
                        missing.Add(table);
                    }
                }
                return missing.Count == 0
                    ? new ConnectorHealth(true, "Connected; the configured tables exist.")
                    : new ConnectorHealth(false, "Connected, but these tables are missing: " + string.Join(", ", missing) + ".");
            }, cancellationToken);
        }
        catch (SystemUnavailableException e)
        {
            return new ConnectorHealth(false, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _statements.DisposeAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task<List<ConnectorRecord>> ReadRecordsAsync(DbCommand command, SqlTable table, CancellationToken cancellationToken)
    {
        var records = new List<ConnectorRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keyOrdinal = reader.GetOrdinal(table.Key);
        var createdOrdinal = table.Created is null ? -1 : reader.GetOrdinal(table.Created);
        var updatedOrdinal = table.Updated is null ? -1 : reader.GetOrdinal(table.Updated);
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            reader.GetValues(values);
            var fields = new Dictionary<string, string?>(values.Length, StringComparer.Ordinal);
            for (var i = 0; i < values.Length; i++)
            {
                fields[table.Columns[i]] = _dialect.Text(values[i]);
            }
            var created = createdOrdinal < 0 ? null : ConnectorTime.ParseUtc(values[createdOrdinal]);
            var updated = updatedOrdinal < 0 ? null : ConnectorTime.ParseUtc(values[updatedOrdinal]);
            records.Add(new ConnectorRecord(fields[table.Columns[keyOrdinal]] ?? "", fields, created, UpdatedUtc: updated));
        }
        return records;
    }

    private async Task<T> GuardAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await _dialect.OpenAsync(cancellationToken);
            return await work(_connection);
        }
        catch (DbException e) when (_dialect.IsUnavailable(e))
        {
            throw new SystemUnavailableException($"The {_settings.Describe} at {_dialect.Target} cannot be used now: {e.Message}", e);
        }
        catch (DbException e) when (!_dialect.IsRecordError(e))
        {
            throw new InvalidOperationException($"The {_settings.Describe} at {_dialect.Target} refused a statement: {e.Message}", e);
        }
    }
}
