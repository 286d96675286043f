using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Events;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Tests.Features.Sync.Runs;

/// <summary>
/// A run cut off by a crash or a kill is marked Interrupted when the next run takes its flow; it ends with its RunFinished
/// like any other run, or an open run page would show it running for ever and the insights would miss it.
/// </summary>
public sealed class CutOffRunsTests
{
    private const string DeadNode = "other-machine:4242:0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task The_next_run_interrupts_a_cut_off_run_with_its_RunFinished_and_a_subscriber_receives_it()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("p1", "person1@example.com");
        var subscriber = new RecordingSubscriber("run-events", new HashSet<string> { OperationsEventKinds.Of<RunFinished>() });
        var dispatcher = Dispatcher(f.Host, subscriber);
        await dispatcher.DispatchOnceAsync(default); // starts at the head, as a portal running all along
        var dead = await DeadRunAsync(f);

        var next = await f.RunAsync();
        await dispatcher.DispatchOnceAsync(default);

        var outbox = await f.Host.QueryAsync(db => db.OperationsEvents.AsNoTracking().Where(e => e.Kind == nameof(RunFinished)).OrderBy(e => e.Sequence).ToListAsync());
        var finished = outbox.Select(e => (RunFinished)OperationsEventKinds.Read(e)!.Event).ToList();
        Assert.Equal([dead, next.Id], finished.Select(e => e.RunId));
        Assert.Equal(new RunFinished(dead, SyncScenario.Flow, nameof(SyncRunStatus.Interrupted), false, 40, 30, 5, 0, 2, 3), finished[0]);
        Assert.Equal([dead, next.Id], subscriber.Handled.Select(e => ((RunFinished)e.Event).RunId));
        var run = await f.Host.QueryAsync(db => db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == dead));
        Assert.Equal((SyncRunStatus.Interrupted, run.HeartbeatUtc, CutOffRuns.Message), (run.Status, run.FinishedUtc, run.Message));
    }

    [Fact]
    public async Task Interrupting_raises_one_event_per_run_it_ended_and_nothing_for_finished_or_dry_runs()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        var dead = await DeadRunAsync(f);
        await f.Host.QueryAsync(async db =>
        {
            db.SyncRuns.AddRange(
                new SyncRun { FlowId = SyncScenario.Flow, FlowName = "people to crm", DryRun = true, StartedUtc = DateTime.UtcNow, HeartbeatUtc = DateTime.UtcNow },
                new SyncRun { FlowId = SyncScenario.Flow, FlowName = "people to crm", Status = SyncRunStatus.Succeeded, StartedUtc = DateTime.UtcNow, HeartbeatUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var first = await f.Host.QueryAsync(db => CutOffRuns.InterruptAsync(db, SyncScenario.Flow, DateTime.UtcNow, CancellationToken.None));
        var again = await f.Host.QueryAsync(db => CutOffRuns.InterruptAsync(db, SyncScenario.Flow, DateTime.UtcNow, CancellationToken.None));

        Assert.Equal((1, 0), (first, again));
        var events = await f.Host.QueryAsync(db => db.OperationsEvents.AsNoTracking().Where(e => e.Kind == nameof(RunFinished)).ToListAsync());
        Assert.Equal(dead, ((RunFinished)OperationsEventKinds.Read(Assert.Single(events))!.Event).RunId);
    }

    private static OperationsEventDispatcher Dispatcher(SyncTestHost host, params IOperationsEventSubscriber[] subscribers) =>
        new(host.Services.GetRequiredService<DbContextOptions<CrmDbContext>>(), subscribers, host.Services.GetRequiredService<OperationsEventSignal>(),
            Options.Create(new OperationsEventsOptions()), TimeProvider.System, NullLogger<OperationsEventDispatcher>.Instance);

    /// <summary>A run a dead node left marked running after recording some batches, its lease on the flow long expired.</summary>
    private static async Task<long> DeadRunAsync(SyncFlowFixture f)
    {
        var now = DateTime.UtcNow;
        var run = new SyncRun
        {
            FlowId = SyncScenario.Flow, FlowName = "people to crm", ConfigurationVersion = 1, Trigger = SyncTrigger.Schedule, StartedBy = "scheduler",
            StartedUtc = now.AddMinutes(-10), HeartbeatUtc = now.AddMinutes(-9), Node = DeadNode,
            Read = 40, Created = 30, Updated = 5, Rejected = 2, Failed = 3,
        };
        await f.Host.QueryAsync(async db =>
        {
            db.SyncRuns.Add(run);
            return await db.SaveChangesAsync();
        });
        await f.Host.QueryAsync(db => db.FlowCursors.Where(c => c.FlowId == SyncScenario.Flow)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseHolder, DeadNode).SetProperty(c => c.LeaseUntilUtc, now.AddMinutes(-5)).SetProperty(c => c.LastRunId, run.Id)));
        return run.Id;
    }
}
