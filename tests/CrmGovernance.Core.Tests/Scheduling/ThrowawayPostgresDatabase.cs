using Npgsql;

namespace CrmGovernance.Core.Tests.Scheduling;

/// <summary>
/// A PostgreSQL database of one test's own, created on the server CRMGOV_TEST_POSTGRES names and dropped afterwards.
/// Without that variable the test fails (it must not pass silently in CI).
/// </summary>
internal sealed class ThrowawayPostgresDatabase : IAsyncDisposable
{
    public const string Variable = "CRMGOV_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name;

    private ThrowawayPostgresDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgresDatabase> CreateAsync(string purpose)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Fail($"Set {Variable} to a PostgreSQL connection string to run the PostgreSQL tests, e.g. " +
                $"export {Variable}=\"$(bash .ci/postgres.sh | tail -n 1)\" (installs and starts PostgreSQL 15 with role and database crmgov)." +
                (Environment.GetEnvironmentVariable("CI") == "true" ? " CI=true: these tests are part of the suite." : ""));
        }
        var database = new ThrowawayPostgresDatabase(server, $"crmgov_{purpose}_{Guid.NewGuid():N}"[..40]);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database._name}");
        return database;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? (T)value : default!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
