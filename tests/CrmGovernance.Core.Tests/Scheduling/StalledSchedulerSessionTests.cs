using System.Diagnostics;
using CrmGovernance.Core.Scheduling;
using Npgsql;

namespace CrmGovernance.Core.Tests.Scheduling;

/// <summary>
/// A node frozen inside one of Quartz's lock transactions (SIGSTOP, a paused VM) must not stop the cluster: the server
/// ends its session once it has been idle in the transaction for the check-in threshold, and the lock row is free again.
/// </summary>
// On PostgreSQL whatever the run's engine: .ci/test's second pass (all on PostgreSQL) leaves it out.
[Trait("Engine", "Postgres")]
public sealed class StalledSchedulerSessionTests
{
    [Fact]
    public async Task A_scheduler_session_idle_inside_a_transaction_past_the_check_in_threshold_is_ended_and_its_row_lock_released()
    {
        await using var database = await TestDatabase.CreateEmptyPostgresAsync();
        await database.ExecuteAsync("CREATE TABLE qrtz_locks (lock_name text PRIMARY KEY); INSERT INTO qrtz_locks VALUES ('TRIGGER_ACCESS')");
        var scheduler = SchedulerStoreSetup.EndsStalledTransactions(database.ConnectionString, new SchedulerClusterOptions { CheckinMisfireThresholdSeconds = 2 });

        // The frozen node: holds the lock row and sends nothing more.
        await using var frozen = new NpgsqlConnection(scheduler);
        await frozen.OpenAsync();
        await using var held = await frozen.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT * FROM qrtz_locks WHERE lock_name = 'TRIGGER_ACCESS' FOR UPDATE", frozen, held))
        {
            await take.ExecuteNonQueryAsync();
        }

        // Another node asks for the same row: it waits only until the server ends the frozen session.
        var clock = Stopwatch.StartNew();
        await using var other = new NpgsqlConnection(scheduler);
        await other.OpenAsync();
        await using var waiting = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT * FROM qrtz_locks WHERE lock_name = 'TRIGGER_ACCESS' FOR UPDATE", other, waiting) { CommandTimeout = 30 })
        {
            await take.ExecuteNonQueryAsync();
        }
        var waited = clock.Elapsed;
        await waiting.CommitAsync();

        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        // The frozen node, awake again, finds its session gone and starts over on a new connection.
        await using var after = new NpgsqlCommand("SELECT 1", frozen, held);
        await Assert.ThrowsAnyAsync<Exception>(() => after.ExecuteScalarAsync());
    }

    [Fact]
    public void The_timeout_is_added_to_options_already_in_the_connection_string()
    {
        var connectionString = SchedulerStoreSetup.EndsStalledTransactions("Host=db;Database=crm;Options=-c search_path=crm",
            new SchedulerClusterOptions { CheckinMisfireThresholdSeconds = 60 });

        Assert.Equal("-c search_path=crm -c idle_in_transaction_session_timeout=60000", new NpgsqlConnectionStringBuilder(connectionString).Options);
    }
}
