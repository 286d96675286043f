using CrmGovernance.Core.Tests.Features.Systems.Connectors.Sql;
using Npgsql;

namespace CrmGovernance.Core.Tests.Data.Copy;

/// <summary>
/// A throwaway PostgreSQL database with a unique name on the server CRMGOV_TEST_POSTGRES points at, dropped on dispose.
/// Without the variable the test fails: it must not pass silently in CI.
/// </summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PostgresTestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresConnectorTests.Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Fail($"Set {PostgresConnectorTests.Variable} to a PostgreSQL connection string whose role may create databases, e.g. "
                + $"export {PostgresConnectorTests.Variable}=\"$(bash .ci/postgres.sh | tail -n 1)\".");
        }
        var database = new PostgresTestDatabase(server, "crmgov_copy_" + Guid.NewGuid().ToString("N")[..12]);
        await database.OnServerAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // The tests' own statements.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync() => await OnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
#pragma warning disable CA2100 // A generated database name.
        // CREATE and DROP DATABASE wait for a checkpoint: slow on a machine busy with other tests.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
