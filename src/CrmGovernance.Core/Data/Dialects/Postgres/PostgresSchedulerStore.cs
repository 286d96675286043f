using Npgsql;

namespace CrmGovernance.Core.Data.Dialects.Postgres;

/// <summary>Quartz's schema in the portal database, shared by every node of the cluster.</summary>
internal sealed class PostgresSchedulerStore : ISchedulerStoreStatements
{
    // Raised by two nodes creating the schema at the same moment; the loser finds it made.
    private const string UniqueViolation = "23505";
    private const string DuplicateSchema = "42P06";

    public async Task PrepareAsync(string connectionString, string? path, string? schema, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // The name is validated as a plain identifier (SchedulerOptions.PostgresSchema), so it can be written in.
        command.CommandText = $"CREATE SCHEMA IF NOT EXISTS {schema}";
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is UniqueViolation or DuplicateSchema)
        {
            // Another node created it between the check and the creation.
        }
    }
}
