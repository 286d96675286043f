using Npgsql;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Sql;

/// <summary>
/// The "sql" connector on a real PostgreSQL, one schema per test. Needs CRMGOV_TEST_POSTGRES; without it these
/// tests fail (they must not pass silently in CI).
/// </summary>
// On PostgreSQL whatever the run's engine: .ci/test's second pass (all on PostgreSQL) leaves it out.
[Trait("Engine", "Postgres")]
public sealed class PostgresConnectorTests : SqlConnectorContract
{
    public const string Variable = "CRMGOV_TEST_POSTGRES";

    private readonly string _schema = "crmgov_test_" + Guid.NewGuid().ToString("N")[..12];
    private string _connectionString = "";

    protected override string TimestampType => "timestamptz";

    public override async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            await Host.DisposeAsync(); // xunit does not dispose a test whose initialisation failed
            Assert.Fail($"Set {Variable} to a PostgreSQL connection string to run the PostgreSQL connector tests, e.g. " +
                $"export {Variable}=\"$(bash .ci/postgres.sh | tail -n 1)\" (installs and starts PostgreSQL 15 with role and database crmgov).");
        }
        _connectionString = new NpgsqlConnectionStringBuilder(configured) { SearchPath = _schema }.ConnectionString;
        await using var connection = new NpgsqlConnection(configured);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE SCHEMA {_schema}; SET search_path TO {_schema}; {Schema}";
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_connectionString.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable));
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP SCHEMA {_schema} CASCADE";
            await command.ExecuteNonQueryAsync();
        }
        await base.DisposeAsync();
    }

    protected override (Dictionary<string, string> Settings, Dictionary<string, string> Secrets) Connection() =>
        (new() { ["provider"] = "postgres" }, new() { ["connectionString"] = _connectionString });

    protected override (Dictionary<string, string> Settings, Dictionary<string, string> Secrets) Unreachable() =>
        (new() { ["provider"] = "postgres" },
         new() { ["connectionString"] = new NpgsqlConnectionStringBuilder(_connectionString) { Port = 1, Timeout = 2 }.ConnectionString });

    protected override async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = table == "activities" ? "SELECT COUNT(*) FROM activities" : "SELECT COUNT(*) FROM contacts";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
