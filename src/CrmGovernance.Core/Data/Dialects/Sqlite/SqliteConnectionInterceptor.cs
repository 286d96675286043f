using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmGovernance.Core.Data.Dialects.Sqlite;

/// <summary>Sets the busy timeout and foreign keys on every SQLite connection EF opens (WAL is set once per file at start).</summary>
internal sealed class SqliteConnectionInterceptor(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly string _sql = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }
}
