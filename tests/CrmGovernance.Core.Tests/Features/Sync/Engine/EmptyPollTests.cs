using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>Scheduled and inbox polls that find nothing keep no run; they move the flow's "last checked" instead.</summary>
public sealed class EmptyPollTests
{
    [Fact]
    public async Task Polls_that_find_nothing_keep_no_run_but_move_last_checked_and_count_themselves()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("ann", "ann@example.com");
        var kept = await PollAsync(f);

        var empty = await PollAsync(f);
        await PollAsync(f, SyncTrigger.Inbox);

        Assert.Equal((1, 0L), (kept.Read, empty.Id));
        Assert.Equal([kept.Id], await f.Host.QueryAsync(db => db.SyncRuns.Select(r => r.Id).ToListAsync()));
        var cursor = await f.Host.QueryAsync(db => db.FlowCursors.SingleAsync());
        Assert.Equal(2, cursor.EmptyChecks);
        Assert.NotNull(cursor.LastCheckedUtc);
        Assert.True(cursor.LastCheckedUtc >= empty.FinishedUtc!.Value.AddSeconds(-1));
        Assert.True(cursor.LastCheckedUtc > kept.FinishedUtc);
    }

    [Fact]
    public async Task A_poll_that_reads_something_is_kept_and_starts_the_count_again()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await PollAsync(f);
        await f.PersonAsync("ann", "ann@example.com");

        var run = await PollAsync(f);

        var stored = await f.Host.QueryAsync(db => db.SyncRuns.SingleAsync());
        Assert.Equal((run.Id, 1, 1, SyncRunStatus.Succeeded, SyncTrigger.Schedule), (stored.Id, stored.Read, stored.Created, stored.Status, stored.Trigger));
        Assert.Equal(1, await f.Host.QueryAsync(db => db.RecordOutcomes.CountAsync(o => o.RunId == run.Id)));
        Assert.Equal(0, (await f.Host.QueryAsync(db => db.FlowCursors.SingleAsync())).EmptyChecks);
    }

    [Fact]
    public async Task A_poll_that_fails_before_reading_anything_is_kept_with_its_reason()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await PollAsync(f);
        File.Delete(f.SourcePath);

        var run = await PollAsync(f);

        var stored = await f.Host.QueryAsync(db => db.SyncRuns.SingleAsync());
        Assert.Equal((run.Id, 0, SyncRunStatus.SystemUnavailable), (stored.Id, stored.Read, stored.Status));
        Assert.Contains("cannot be used now", stored.Message, StringComparison.Ordinal);
        Assert.NotNull(stored.FinishedUtc);
        Assert.Equal(1, (await f.Host.QueryAsync(db => db.FlowCursors.SingleAsync())).EmptyChecks);
    }

    [Fact]
    public async Task Run_now_that_finds_nothing_is_kept_because_someone_asked_for_it()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());

        var run = await f.RunAsync();

        Assert.NotEqual(0, run.Id);
        Assert.Equal(run.Id, (await f.Host.QueryAsync(db => db.SyncRuns.SingleAsync())).Id);
    }

    private static Task<SyncRun> PollAsync(SyncFlowFixture f, SyncTrigger trigger = SyncTrigger.Schedule) =>
        f.Host.Runner.RunAsync(new SyncRunRequest(SyncScenario.Flow, trigger, "scheduler"), ActorContext.System("scheduler"), CancellationToken.None);
}
