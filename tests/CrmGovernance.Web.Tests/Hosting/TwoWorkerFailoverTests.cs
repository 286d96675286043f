using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>
/// Issue 17's failover proof with the real product: two worker-only nodes (the built portal, each in a process of its
/// own) on one PostgreSQL database run several scheduled flows. Every scheduled fire runs once, and a node killed with
/// SIGKILL in the middle of a run has its flow taken over by the other node without a record lost or written twice.
/// Always on PostgreSQL, whatever the run's engine: Quartz clusters only there. Timings go to the test output.
/// </summary>
public sealed class TwoWorkerFailoverTests(ITestOutputHelper output)
{
    // Far above what the steps need (seconds); only a hung node should meet these, on a loaded two-core machine too.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private const int Every = 3;
    // The end of a run in a node's console log ("Run 12 of flow A ended "Succeeded": …").
    private const string Succeeded = "ended \"Succeeded\"";

    [Fact]
    public async Task Two_workers_run_each_scheduled_fire_of_every_flow_once_and_write_each_record_once()
    {
        await using var cluster = await WorkerCluster.CreateAsync([("flow A", Cron(Every)), ("flow B", Cron(Every)), ("flow C", Cron(Every))]);
        var flows = cluster.Scenario.Flows;
        var added = flows.ToDictionary(f => f.Id, _ => 300);
        foreach (var flow in flows)
        {
            await ScenarioTables.AddPeopleAsync(flow, 0, 300);
        }
        // New people arrive all the time, so every fire finds some (a fire that finds nothing keeps no run, only a log line).
        using var stopFeeding = new CancellationTokenSource();
        var feeder = Task.Run(async () =>
        {
            while (!stopFeeding.IsCancellationRequested)
            {
                foreach (var flow in flows)
                {
                    await ScenarioTables.AddPeopleAsync(flow, added[flow.Id], 2);
                    added[flow.Id] += 2;
                }
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var startup = await cluster.StartAsync(Patience, "node-1", "node-2");
        output.WriteLine($"both nodes started in {startup.TotalSeconds:N1} s");

        // Both nodes take part: each has run something, and every flow ran several fires.
        var clock = Stopwatch.StartNew();
        await WaitAsync(cluster, async () => cluster.Nodes.All(n => n.CountLines(Succeeded) >= 2)
            && (await cluster.QueryAsync(db => db.SyncRuns.GroupBy(r => r.FlowId).Select(g => g.Count()).ToListAsync())).Count(runs => runs >= 5) == flows.Count,
            "both nodes to run flows and every flow to run five fires");
        await stopFeeding.CancelAsync();
        await feeder;
        output.WriteLine($"fires observed for {clock.Elapsed.TotalSeconds:N1} s; {string.Join(", ", cluster.Nodes.Select(n => $"{n.Name} ran {n.CountLines(Succeeded)} runs"))}");
        foreach (var flow in flows)
        {
            await WaitAsync(cluster, async () => await ScenarioTables.CountAsync(flow.CrmPath, "contacts") >= added[flow.Id]
                && !await cluster.QueryAsync(db => db.SyncRuns.AnyAsync(r => r.FlowId == flow.Id && r.Status == SyncRunStatus.Running)),
                $"{flow.Name} to write every person");
        }
        output.WriteLine($"every person written after {clock.Elapsed.TotalSeconds:N1} s");

        // Counted halfway between two fires, so none falls due while the logs are read.
        await Task.Delay(TimeSpan.FromSeconds(Every * 1.5) - TimeSpan.FromTicks(DateTime.UtcNow.Ticks % TimeSpan.FromSeconds(Every).Ticks));
        var observedUntil = DateTime.UtcNow;
        var polls = flows.ToDictionary(f => f.Id, f => cluster.Nodes.Sum(n => n.CountLines($"Poll of {f.Name} found nothing new")));
        var skips = flows.ToDictionary(f => f.Id, f => cluster.Nodes.Sum(n => n.CountLines($"Scheduled run of flow {f.Id} skipped")));
        await WithLogsOnFailureAsync(cluster, async () =>
        {
            foreach (var flow in flows)
            {
                await AssertEachFireRanOnceAsync(cluster, flow, observedUntil, polls[flow.Id], skips[flow.Id]);
                await AssertEveryPersonOnceAsync(cluster, flow);
            }
        });
    }

    /// <summary>
    /// Each fire of the flow due until <paramref name="observedUntil"/> ran once: kept as a run (one per due time, none
    /// overlapping another) or, when it found nothing new, logged as such; none skipped as "running elsewhere".
    /// </summary>
    private async Task AssertEachFireRanOnceAsync(WorkerCluster cluster, ScenarioFlow flow, DateTime observedUntil, int polls, int skips)
    {
        var runs = await cluster.QueryAsync(db => db.SyncRuns.AsNoTracking().Where(r => r.FlowId == flow.Id && r.DueUtc <= observedUntil).OrderBy(r => r.DueUtc).ToListAsync());
        var fires = Fires(runs[0].DueUtc!.Value, observedUntil);
        output.WriteLine($"{flow.Name}: {runs.Count} runs + {polls} polls that found nothing + {skips} skipped; fires due since the first: {fires.Min} to {fires.Max}");
        output.WriteLine("  runs (due/started/finished, read): " + string.Join("; ", runs.Select(r => $"{r.DueUtc:HH:mm:ss}/{r.StartedUtc:ss.f}/{r.FinishedUtc:ss.f} {r.Read}")));
        Assert.All(runs, r => Assert.Equal(SyncRunStatus.Succeeded, r.Status));
        Assert.All(runs, r => Assert.Equal(SyncTrigger.Schedule, r.Trigger));
        // No fire ran twice: each due time has one run, on the flow's schedule, and no run began before the one before it ended.
        Assert.Equal(runs.Count, runs.Select(r => r.DueUtc).Distinct().Count());
        Assert.All(runs, r => Assert.True(r.DueUtc!.Value.Second % Every == 0 && r.DueUtc.Value.Millisecond == 0, $"Run {r.Id} is due at {r.DueUtc:o}, off the schedule."));
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].StartedUtc >= runs[i - 1].FinishedUtc,
                $"Runs {runs[i - 1].Id} ({runs[i - 1].StartedUtc:o} to {runs[i - 1].FinishedUtc:o}) and {runs[i].Id} (from {runs[i].StartedUtc:o}) of {flow.Name} overlap.");
        }
        // No fire was lost: every fire due since the first ran (kept as a run, or a poll that found nothing); the last
        // few seconds may hold a fire still under way.
        Assert.Equal(0, skips);
        Assert.InRange(runs.Count + polls, fires.Min, fires.Max);
    }

    private static string Cron(int seconds) => $"0/{seconds} * * * * ?";

    /// <summary>
    /// How many fires of an every-<see cref="Every"/>-seconds schedule fell due from <paramref name="first"/> to
    /// <paramref name="until"/>; the last one or two may still be under way on a loaded machine.
    /// </summary>
    private static (int Min, int Max) Fires(DateTime first, DateTime until)
    {
        var max = (int)((until - first).TotalSeconds / Every) + 1;
        return (max - 2, max);
    }

    /// <summary>The CRM holds each source person once, with the values the mappings give, and the crosswalk links each once.</summary>
    private static async Task AssertEveryPersonOnceAsync(WorkerCluster cluster, ScenarioFlow flow)
    {
        var expected = await ScenarioTables.ExpectedAsync(flow);
        var contacts = await ScenarioTables.ContactsAsync(flow);
        var links = await cluster.QueryAsync(db => db.CrosswalkLinks.AsNoTracking().Where(l => l.FlowId == flow.Id).Select(l => new { l.SourceId, l.TargetId }).ToListAsync());
        Assert.Equal(expected.Count, contacts.Count);
        Assert.Equal(expected.Count, links.Count);
        Assert.Equal(expected.Count, links.Select(l => l.SourceId).Distinct().Count());
        Assert.Equal(expected.Count, contacts.Select(c => c.Values.Item1).Distinct().Count());
        var byId = contacts.ToDictionary(c => c.Id, c => c.Values, StringComparer.Ordinal);
        foreach (var link in links)
        {
            Assert.True(byId.TryGetValue(link.TargetId, out var values), $"{flow.Name}: the crosswalk links {link.SourceId} to {link.TargetId}, which the CRM does not hold.");
            Assert.Equal(expected[link.SourceId], values);
        }
    }

    private async Task WithLogsOnFailureAsync(WorkerCluster cluster, Func<Task> assertions)
    {
        try
        {
            await assertions();
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }

    private async Task WaitAsync(WorkerCluster cluster, Func<Task<bool>> until, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await until())
        {
            if (clock.Elapsed > Patience || cluster.Nodes.Any(n => n.HasExited && !n.Killed))
            {
                output.WriteLine(cluster.Logs());
                Assert.Fail($"Waited {clock.Elapsed.TotalSeconds:N0} s for {what}. The nodes' logs are in the test output.");
            }
            await Task.Delay(100);
        }
    }
}
