using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <param name="mapMemory">Map up to 256 MB of the file (fast repeated reads); off for one pass over everything, which would otherwise hold the file in memory.</param>
internal sealed class SqliteDialect(string path, int busyTimeoutMilliseconds = 5_000, bool mapMemory = true) : SqlDialect
{
    public string Path { get; } = path;

    public override string Target => Path;

    // Microsoft.Data.Sqlite binds parameters by name, a cost that grows with the square of their number per statement.
    public override int MaxParameters => 128;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // ReadWrite, not ReadWriteCreate: a mistyped path must not quietly create an empty database.
        // Microsoft.Data.Sqlite retries a busy database for DefaultTimeout seconds on top of SQLite's busy_timeout.
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = Math.Max(1, busyTimeoutMilliseconds / 1000),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds:D}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA mmap_size = {(mapMemory ? 268435456 : 0):D}; PRAGMA wal_autocheckpoint = 10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
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
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, type FROM pragma_table_info($table) ORDER BY cid";
        command.Parameters.Add(new SqliteParameter("$table", table));
        var columns = new List<SqlColumn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(new SqlColumn(reader.GetString(0), reader.GetString(1)));
        }
        return columns;
    }

    public override DbParameter TextParameter(DbCommand command, string name)
    {
        var parameter = new SqliteParameter(name, SqliteType.Text);
        command.Parameters.Add(parameter);
        return parameter;
    }

    // Constraint, datatype mismatch, too big: one row's problem. SQLite rolls back only the failing statement.
    public override bool IsRecordError(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 or 20 or 18 };

    // Busy, locked, read-only, I/O error, corrupt, full, cannot open, not a database.
    public override bool IsUnavailable(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 or 8 or 10 or 11 or 13 or 14 or 26 };
}
