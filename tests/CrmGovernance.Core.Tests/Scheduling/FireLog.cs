using Npgsql;

namespace CrmGovernance.Core.Tests.Scheduling;

/// <summary>Where the cluster tests' jobs write each fire, by the database's clock (one clock for every node).</summary>
public sealed class FireLog(string connectionString)
{
    public const string Schema = """
        CREATE TABLE fires (id bigserial PRIMARY KEY, job text NOT NULL, scheduled timestamptz NOT NULL, instance text NOT NULL,
            started timestamptz NOT NULL DEFAULT clock_timestamp(), finished timestamptz NULL);
        """;

    public async Task<long> StartAsync(string job, DateTimeOffset scheduled, string instance, bool finished)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"INSERT INTO fires (job, scheduled, instance, finished) VALUES (@job, @scheduled, @instance, {(finished ? "clock_timestamp()" : "NULL")}) RETURNING id", connection);
        command.Parameters.AddWithValue("job", job);
        command.Parameters.AddWithValue("scheduled", scheduled.UtcDateTime);
        command.Parameters.AddWithValue("instance", instance);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task FinishAsync(long id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE fires SET finished = clock_timestamp() WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }
}
