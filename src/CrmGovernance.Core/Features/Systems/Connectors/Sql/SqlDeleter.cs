using System.Data.Common;
using System.Globalization;

namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>
/// Deletes rows by key in one transaction, chunked into IN lists. When the database refuses a row (a foreign key that
/// still points to it, say), the batch is rolled back and deleted again row by row so only the refused rows fail.
/// </summary>
internal sealed class SqlDeleter(SqlDialect dialect, SqlStatements statements, SqlSchema schema)
{
    public async Task<IReadOnlyList<WriteResult>> DeleteAsync(DbConnection connection, string objectKey, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var table = await schema.TableAsync(connection, objectKey, cancellationToken);
        var keys = ids.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToArray();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys.Length > 0 && !await TryAllAsync(connection, table, keys, cancellationToken))
        {
            await using var oneByOne = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var key in keys)
            {
                await oneByOne.SaveAsync("row", cancellationToken);
                try
                {
                    await DeleteChunkAsync(connection, oneByOne, table, [key], cancellationToken);
                    await oneByOne.ReleaseAsync("row", cancellationToken);
                }
                catch (DbException e) when (dialect.IsRecordError(e))
                {
                    await oneByOne.RollbackAsync("row", cancellationToken);
                    errors[key] = e.Message;
                }
            }
            await oneByOne.CommitAsync(cancellationToken);
        }
        return ids.Select(id => new WriteResult(id, string.IsNullOrEmpty(id) ? "The record has no id." : errors.GetValueOrDefault(id))).ToList();
    }

    /// <summary>Deletes every key in one transaction; false (and nothing deleted) when the database refused a row.</summary>
    private async Task<bool> TryAllAsync(DbConnection connection, SqlTable table, string[] keys, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var chunk in keys.Chunk(Math.Min(SqlConnector.LookupChunk, dialect.MaxParameters)))
            {
                await DeleteChunkAsync(connection, transaction, table, chunk, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException e) when (dialect.IsRecordError(e))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
    }

    private async Task DeleteChunkAsync(DbConnection connection, DbTransaction transaction, SqlTable table, string[] keys, CancellationToken cancellationToken)
    {
        var parameters = string.Join(", ", Enumerable.Range(0, keys.Length).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)));
        var command = statements.Get(connection, $"DELETE FROM {table.Quoted} WHERE {SqlDialect.Quote(table.Key)} IN ({parameters})", keys.Length, transaction);
        SqlStatements.Bind(command, keys);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
