using System.Diagnostics;
using CrmGovernance.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Xunit.Abstractions;

namespace CrmGovernance.Core.Tests.Scheduling;

/// <summary>
/// The scheduler as configured on PostgreSQL (<see cref="SchedulerStoreSetup"/>): two nodes in child processes on one
/// database of the test's own. Each fire runs once across both, a job that must not overlap never does, and when the
/// node running it is killed the other takes it over once the dead node's check-in has lapsed.
/// </summary>
// On PostgreSQL whatever the run's engine: .ci/test's second pass (all on PostgreSQL) leaves it out.
[Trait("Engine", "Postgres")]
public sealed class ClusteredSchedulerTests(ITestOutputHelper output)
{
    private const int CheckinSeconds = 1;
    private const int ThresholdSeconds = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_nodes_fire_each_trigger_once_and_the_survivor_takes_over_the_job_of_a_killed_node_within_the_checkin_threshold()
    {
        await using var database = await TestDatabase.CreateEmptyPostgresAsync();
        await database.ExecuteAsync(FireLog.Schema);
        using var first = SchedulerNodeProcess.Start(database.ConnectionString, CheckinSeconds, ThresholdSeconds);
        var firstId = await first.StartedAsync(Patience);
        using var second = SchedulerNodeProcess.Start(database.ConnectionString, CheckinSeconds, ThresholdSeconds);
        var secondId = await second.StartedAsync(Patience);
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM scheduler.qrtz_scheduler_state"));

        await ScheduleEverySecondAsync(database.ConnectionString);
        await Task.Delay(TimeSpan.FromSeconds(10));

        // Every second from the first fire to the last fired once, on one node or the other, never twice.
        Assert.True(await database.ScalarAsync<long>("SELECT COUNT(*) FROM fires WHERE job = 'tick'") >= 7);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT COUNT(*) - COUNT(DISTINCT scheduled) FROM fires WHERE job = 'tick'"));
        Assert.Equal(0.0, await database.ScalarAsync<double>(
            "SELECT EXTRACT(EPOCH FROM MAX(scheduled) - MIN(scheduled))::float8 + 1 - COUNT(*) FROM fires WHERE job = 'tick'"));
        Assert.Equal(0L, await OverlapsAsync(database));

        var running = await RunningLongJobAsync(database);
        var (victim, survivorId) = running == firstId ? (first, secondId) : (second, firstId);
        await victim.KillAsync();
        await database.ExecuteAsync("INSERT INTO fires (job, scheduled, instance) VALUES ('kill', now(), 'test')");

        var takeover = await TakeoverSecondsAsync(database);
        output.WriteLine($"The long job of the killed node started again on the other node after {takeover:N1} s " +
            $"(check-in every {CheckinSeconds} s, threshold {ThresholdSeconds} s).");
        Assert.Equal(survivorId, await database.ScalarAsync<string>(
            "SELECT instance FROM fires WHERE job = 'long' AND started > (SELECT started FROM fires WHERE job = 'kill') ORDER BY id LIMIT 1"));
        Assert.InRange(takeover, 0, CheckinSeconds + ThresholdSeconds + 10);
        Assert.Equal(0L, await OverlapsAsync(database));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT COUNT(*) - COUNT(DISTINCT scheduled) FROM fires WHERE job = 'tick'"));
        Assert.True(await database.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM fires WHERE job = 'tick' AND instance = '{survivorId}' AND started > (SELECT started FROM fires WHERE job = 'kill')") > 0);
    }

    /// <summary>From a scheduler that is never started, as a portal-only node writes to the shared store.</summary>
    private static async Task ScheduleEverySecondAsync(string connectionString)
    {
        await using var client = SchedulerNode.Services(connectionString, new SchedulerClusterOptions { CheckinIntervalSeconds = CheckinSeconds, CheckinMisfireThresholdSeconds = ThresholdSeconds });
        var scheduler = await client.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var start = DateTimeOffset.UtcNow.AddSeconds(1);
        foreach (var job in new[] { JobBuilder.Create<TickJob>().WithIdentity(TickJob.Key).Build(), JobBuilder.Create<LongJob>().WithIdentity(LongJob.Key).Build() })
        {
            await scheduler.ScheduleJob(job, TriggerBuilder.Create().ForJob(job).StartAt(start)
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build());
        }
    }

    /// <summary>Runs of the long job that began before the previous one ended (the killed node's run ends at the kill).</summary>
    private static Task<long> OverlapsAsync(TestDatabase database) => database.ScalarAsync<long>("""
        SELECT COUNT(*) FROM fires a JOIN fires b ON a.job = 'long' AND b.job = 'long' AND a.id < b.id
        AND b.started < COALESCE(a.finished, (SELECT started FROM fires WHERE job = 'kill'), 'infinity')
        """);

    /// <summary>The instance running the long job now (it runs about three seconds of every four).</summary>
    private static async Task<string> RunningLongJobAsync(TestDatabase database)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (await database.ScalarAsync<string?>("SELECT instance FROM fires WHERE job = 'long' AND finished IS NULL ORDER BY id DESC LIMIT 1") is { } instance)
            {
                return instance;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The long job never ran.");
    }

    /// <summary>Seconds from the kill to the long job's next start, by the database's clock.</summary>
    private static async Task<double> TakeoverSecondsAsync(TestDatabase database)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (await database.ScalarAsync<double?>("""
                SELECT EXTRACT(EPOCH FROM MIN(f.started) - MIN(k.started))::float8 FROM fires f, fires k
                WHERE k.job = 'kill' AND f.job = 'long' AND f.started > k.started
                """) is { } seconds)
            {
                return seconds;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No node took the long job over within {Patience.TotalSeconds:N0} s of the kill.");
    }
}
