using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace CrmGovernance.Core.Data.Dialects.Postgres;

/// <summary>
/// <c>COPY "table" (columns) FROM STDIN (FORMAT BINARY)</c> in the connection's transaction: the rows go to the server as
/// one stream, with no statement parsed, bound or executed per row. A COPY that stops half way (an error, a
/// cancellation) aborts the transaction, as a failed insert would.
/// </summary>
internal sealed class PostgresRowCopy : IRowCopy
{
    private readonly string _command;
    private readonly NpgsqlDbType[] _types;

    public PostgresRowCopy(string table, params (string Column, NpgsqlDbType Type)[] columns)
    {
        _command = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
        _types = columns.Select(c => c.Type).ToArray();
    }

    public async Task<long> CopyAsync(DbConnection connection, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var npgsql = connection as NpgsqlConnection
            ?? throw new InvalidOperationException($"COPY needs an Npgsql connection, not {connection.GetType().Name}.");
        await using var importer = await npgsql.BeginBinaryImportAsync(_command, cancellationToken);
        foreach (var row in rows)
        {
            if (row.Length != _types.Length)
            {
                throw new ArgumentException($"A row for COPY has {row.Length} values; the table's columns are {_types.Length}.", nameof(rows));
            }
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                await WriteAsync(importer, row[i], _types[i], cancellationToken);
            }
        }
        return (long)await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type, CancellationToken cancellationToken) => value switch
    {
        null or DBNull => importer.WriteNullAsync(cancellationToken),
        DateTime t => importer.WriteAsync(PostgresPortalDialect.Utc(t), type, cancellationToken),
        _ => importer.WriteAsync(value, type, cancellationToken),
    };
}
