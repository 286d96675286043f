using CrmGovernance.Core.Data.Dialects.Sqlite;
using CrmGovernance.Core.Data;
using Npgsql;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// At start, before Quartz opens its store (the flow worker asks for the scheduler as soon as it starts). On SQLite: the
/// file is created owner-only, and WAL lets the scheduler's readers and its one writer work side by side (the mode is
/// stored in the file). On PostgreSQL: Quartz's schema, which Quartz does not create itself (it creates the tables in it),
/// and no file at all. A startup step, so it runs in the first hosted service rather than while registering services.
/// </summary>
internal sealed class SchedulerStoreInitializer(SchedulerStore store) : IStartupStep
{
    // Raised by two nodes creating the schema at the same moment; the loser finds it made.
    private const string UniqueViolation = "23505";
    private const string DuplicateSchema = "42P06";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (store.Provider == DatabaseProvider.Postgres)
        {
            await CreateSchemaAsync(cancellationToken);
            return;
        }
        OwnerOnly.CreateFolder(Path.GetDirectoryName(store.Path)!);
        OwnerOnly.CreateEmptyFile(store.Path!);
        SqliteFiles.UseWriteAheadLog(store.ConnectionString);
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The name is validated as a plain identifier (SchedulerOptions.PostgresSchema), so it can be written in.
        command.CommandText = $"CREATE SCHEMA IF NOT EXISTS {store.Schema}";
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is UniqueViolation or DuplicateSchema)
        {
            // Another node created it between the check and the creation.
        }
    }
}
