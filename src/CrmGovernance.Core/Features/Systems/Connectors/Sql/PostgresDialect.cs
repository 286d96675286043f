using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

internal sealed partial class PostgresDialect(string connectionString) : SqlDialect
{
    // One round trip per statement: large statements (the protocol allows 65,535 parameters).
    public override int MaxParameters => 30_000;

    public override string Target
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // The connector repeats a few statements many times: let Npgsql prepare them server-side.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 50;
        }
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task<IReadOnlyList<SqlColumn>> ColumnsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        // to_regclass resolves the name through search_path exactly as the unqualified queries will.
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
            WHERE attrelid = to_regclass(quote_ident(@table)) AND attnum > 0 AND NOT attisdropped
            ORDER BY attnum
            """;
        command.Parameters.Add(new NpgsqlParameter("table", table));
        var columns = new List<SqlColumn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(new SqlColumn(reader.GetString(0), reader.GetString(1)));
        }
        return columns;
    }

    // Values of a VALUES list are text; SET and WHERE need the column's own type. The type name comes from the catalog.
    public override string Cast(string expression, SqlColumn column) => TypeName().IsMatch(column.Type)
        ? $"CAST({expression} AS {column.Type})"
        : throw new InvalidOperationException($"Column '{column.Name}' has a type the connector cannot name safely: {column.Type}.");

    [GeneratedRegex(@"^[A-Za-z0-9_ ,.()\[\]""]+$")]
    private static partial Regex TypeName();

    // Unknown: sent as text and typed by the server from where it is used (integer column, timestamptz cursor, …).
    public override DbParameter TextParameter(DbCommand command, string name)
    {
        var parameter = new NpgsqlParameter(name, NpgsqlDbType.Unknown);
        command.Parameters.Add(parameter);
        return parameter;
    }

    // 22: data exception (bad number, too long); 23: integrity constraint.
    public override bool IsRecordError(DbException exception) =>
        exception is PostgresException p && (p.SqlState.StartsWith("22", StringComparison.Ordinal) || p.SqlState.StartsWith("23", StringComparison.Ordinal));

    // Not a server answer at all (network, timeout), or: connection (08), resources (53), shutdown (57P), login (28).
    public override bool IsUnavailable(DbException exception) => exception switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
            || p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState.StartsWith("28", StringComparison.Ordinal),
        NpgsqlException => true,
        _ => false,
    };
}
