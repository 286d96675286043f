using System.Data.Common;
using CrmGovernance.Core.Data.Dialects;

namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>
/// One dialect statement run for many rows in a caller's transaction. A driver that sends a batch of commands in one
/// round trip (ADO.NET <see cref="DbBatch"/>: Npgsql) gets the rows <see cref="RowsPerRoundTrip"/> at a time: a server
/// across a socket pays a round trip per statement otherwise, which dominated a sync run's recording on PostgreSQL
/// (docs/performance.md). Without batches (Microsoft.Data.Sqlite, in-process: no round trip) one command runs per row.
/// The statements, their order and the transaction are the same either way.
/// </summary>
internal static class StatementRows
{
    public const int RowsPerRoundTrip = 500;

    /// <returns>The rows the statements changed, added up.</returns>
    public static async Task<int> ExecuteAsync(IPortalSqlDialect dialect, DbConnection connection, DbTransaction transaction, SqlStatement statement,
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var changed = 0;
        if (!connection.CanCreateBatch)
        {
            await using var command = PortalCommand.Create(dialect, connection, transaction, statement);
            foreach (var values in rows)
            {
                changed += await command.ExecuteAsync(ct, values);
            }
            return changed;
        }
        foreach (var chunk in rows.Chunk(RowsPerRoundTrip))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var values in chunk)
            {
                Add(batch, dialect, statement, values);
            }
            changed += await batch.ExecuteNonQueryAsync(ct);
        }
        return changed;
    }

    /// <summary>Adds the statement with its values (bound as the dialect stores them) to a batch of commands.</summary>
    public static void Add(DbBatch batch, IPortalSqlDialect dialect, SqlStatement statement, params object?[] values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = statement.Text;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = statement.Parameters[i];
            parameter.Value = dialect.Value(values[i]);
            command.Parameters.Add(parameter);
        }
        batch.BatchCommands.Add(command);
    }
}
