using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>
/// A worker on another machine died mid-run: its run is still "running" and its lease on the flow is still in the table.
/// Its process cannot be looked up from here, so only the lease's expiry plus the skew margin (Sync:LeaseSkewSeconds,
/// 30 s) lets this node take the flow over; the run then carries on from the dead run's last recorded batch.
/// </summary>
public sealed class NodeTakeoverTests
{
    private const string DeadNode = "other-machine:4242:0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task A_flow_left_by_a_dead_node_is_taken_over_only_past_its_lease_and_the_skew_margin_and_carries_on_from_its_last_batch()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        for (var i = 0; i < 300; i++)
        {
            await f.PersonAsync($"p{i:000}", $"person{i}@example.com");
        }
        // The dead node's recorded batches: the first 150 people (the batch size is 100, so this run reads two batches
        // of 100 and 50); the people after them were never recorded.
        var recorded = await RunOverFirstAsync(f, 150);
        var dead = await DeadRunAsync(f, DateTime.UtcNow.AddSeconds(-10));

        var early = await Record.ExceptionAsync(() => f.RunAsync());
        await ExpireLeaseAsync(f, DateTime.UtcNow.AddSeconds(-31));
        var taken = await f.RunAsync();

        Assert.IsType<FlowBusyException>(early);
        Assert.Equal(150, recorded.Created);
        Assert.Equal(SyncRunStatus.Succeeded, taken.Status);
        Assert.Equal((150, 150), (taken.Read, taken.Created));
        var contacts = await f.ContactsAsync();
        Assert.Equal(300, contacts.Count);
        Assert.Equal(300, contacts.Select(c => c["email"]).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(300, await f.Host.QueryAsync(db => db.CrosswalkLinks.CountAsync()));
        Assert.Equal(SyncRunStatus.Interrupted, await f.Host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == dead).Select(r => r.Status).SingleAsync()));
    }

    /// <summary>A run over the source as it was when it held only the first <paramref name="people"/> (later rows hidden meanwhile).</summary>
    private static async Task<SyncRun> RunOverFirstAsync(SyncFlowFixture f, int people)
    {
        await SqliteTables.ExecuteAsync(f.SourcePath, $"CREATE TABLE hidden AS SELECT * FROM people ORDER BY id LIMIT -1 OFFSET {people}; DELETE FROM people WHERE id IN (SELECT id FROM hidden)");
        var run = await f.RunAsync();
        await SqliteTables.ExecuteAsync(f.SourcePath, "INSERT INTO people SELECT * FROM hidden; DROP TABLE hidden");
        return run;
    }

    /// <summary>The dead node's run, still marked running, and its lease on the flow expiring at <paramref name="leaseUntil"/> by this clock.</summary>
    private static async Task<long> DeadRunAsync(SyncFlowFixture f, DateTime leaseUntil)
    {
        var now = DateTime.UtcNow;
        var run = new SyncRun
        {
            FlowId = SyncScenario.Flow, FlowName = "people to crm", ConfigurationVersion = 1, Trigger = SyncTrigger.Schedule, StartedBy = "scheduler",
            StartedUtc = now.AddMinutes(-3), HeartbeatUtc = now.AddMinutes(-2),
        };
        await f.Host.QueryAsync(async db =>
        {
            db.SyncRuns.Add(run);
            return await db.SaveChangesAsync();
        });
        await f.Host.QueryAsync(db => db.FlowCursors.Where(c => c.FlowId == SyncScenario.Flow)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseHolder, DeadNode).SetProperty(c => c.LeaseUntilUtc, leaseUntil).SetProperty(c => c.LastRunId, run.Id)));
        return run.Id;
    }

    private static Task<int> ExpireLeaseAsync(SyncFlowFixture f, DateTime leaseUntil) =>
        f.Host.QueryAsync(db => db.FlowCursors.Where(c => c.FlowId == SyncScenario.Flow).ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseUntilUtc, leaseUntil)));
}
