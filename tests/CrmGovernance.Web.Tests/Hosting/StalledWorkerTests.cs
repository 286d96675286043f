using System.Diagnostics;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>
/// Quartz's known pitfall with the real product (issue 17): a live node that stops checking in for longer than the
/// cluster's threshold (a frozen VM, a long pause) is declared dead and its fire started again on another node. The
/// flow lease, held by a process that still exists and renewed with every batch, keeps that second run from starting.
/// </summary>
// On PostgreSQL whatever the run's engine: .ci/test's second pass (all on PostgreSQL) leaves it out.
[Trait("Engine", "Postgres")]
[Collection(WorkerCluster.Collection)]
public sealed class StalledWorkerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_worker_stalled_past_the_cluster_threshold_keeps_its_run_and_the_other_worker_never_runs_the_flow_beside_it()
    {
        await using var cluster = await WorkerCluster.CreateAsync(output, [("big flow", TwoWorkerFailoverTests.Cron(2)), ("flow B", TwoWorkerFailoverTests.Cron(3))]);
        var big = cluster.Scenario.Flows[0];
        await ScenarioTables.AddPeopleAsync(big, 0, TwoWorkerFailoverTests.BigSource);
        await ScenarioTables.AddPeopleAsync(cluster.Scenario.Flows[1], 0, 300);
        await cluster.StartAsync("node-1", "node-2");

        var clock = Stopwatch.StartNew();
        var stalled = await cluster.HolderOnceRecordedAsync(big);
        var other = cluster.Nodes.Single(n => n != stalled);
        const string refusal = "skipped: The flow big flow is running in another process";
        var refusedBefore = other.CountLines(refusal);
        await stalled.PauseAsync();
        var pausedAt = clock.Elapsed;
        // The other node declares the stalled one dead, recovers its fire and fires the flow: the lease refuses it (without
        // the lease, a second run would start here; the assertions below then find it).
        await cluster.WaitAsync(async () => other.CountLines(refusal) > refusedBefore
            || await cluster.QueryAsync(db => db.SyncRuns.CountAsync(r => r.FlowId == big.Id)) > 1, "the other node to fire the stalled node's flow");
        output.WriteLine($"{stalled.Name} paused {pausedAt.TotalSeconds:N1} s after start; {other.Name} fired its flow again and was refused " +
            $"{(clock.Elapsed - pausedAt).TotalSeconds:N1} s later");
        await stalled.ResumeAsync();

        await cluster.WaitAsync(async () => await ScenarioTables.CountAsync(big.CrmPath, "contacts") >= TwoWorkerFailoverTests.BigSource
            && !await cluster.QueryAsync(db => db.SyncRuns.AnyAsync(r => r.FlowId == big.Id && r.Status == SyncRunStatus.Running)), "the stalled node to finish its run");
        output.WriteLine($"the stalled node's run ended {clock.Elapsed.TotalSeconds:N1} s after start");
        await cluster.WithLogsOnFailureAsync(async () =>
        {
            // One run, the stalled node's, read every person; no other run of the flow was started beside it.
            var runs = await cluster.QueryAsync(db => db.SyncRuns.AsNoTracking().Where(r => r.FlowId == big.Id).ToListAsync());
            output.WriteLine("big flow runs: " + string.Join("; ", runs.Select(r => $"{r.Id} {r.Status} due {r.DueUtc:HH:mm:ss} read {r.Read:N0}")));
            var run = Assert.Single(runs);
            Assert.Equal(SyncRunStatus.Succeeded, run.Status);
            Assert.Equal(TwoWorkerFailoverTests.BigSource, run.Read);
            Assert.Equal(TwoWorkerFailoverTests.BigSource, run.Created);
            foreach (var flow in cluster.Scenario.Flows)
            {
                await ScenarioChecks.EveryPersonOnceAsync(cluster, flow);
            }
        });
    }
}
