using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>
/// A source id longer than the ledger keeps rejects its own record, on both engines (PostgreSQL refuses the long value,
/// which failed the whole batch); the rest of the batch goes through, and a replay of the cut id is rejected again.
/// </summary>
public sealed class SourceIdLimitTests
{
    private static readonly string LongId = "web-" + new string('x', 296);

    [Fact]
    public async Task A_source_id_too_long_to_keep_rejects_only_its_record_and_a_replay_rejects_it_again()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync(LongId, "long@example.com", "Lena", "Long");
        await f.PersonAsync("p2", "p2@example.com", "Paul", "Short");

        var run = await f.RunAsync();

        Assert.Equal((SyncRunStatus.CompletedWithErrors, 1, 1), (run.Status, run.Created, run.Rejected));
        Assert.Equal(["p2@example.com"], (await f.ContactsAsync()).Select(c => c["email"]));
        var item = await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync());
        Assert.Equal(SourceIdLimit.MaxLength, item.SourceId!.Length);
        Assert.StartsWith(LongId[..50], item.SourceId, StringComparison.Ordinal);
        Assert.StartsWith("The source id is 300 characters long; the portal keeps ids of at most 200.", item.Reason, StringComparison.Ordinal);
        var outcome = await f.Host.QueryAsync(db => db.RecordOutcomes.SingleAsync(o => o.RunId == run.Id && o.Outcome == OutcomeKind.Rejected));
        Assert.Equal(item.SourceId, outcome.SourceId);

        var replay = await f.Host.Runner.ReplayAsync(SyncScenario.Flow, [item.Id], "steward", ActorContext.System("steward"), CancellationToken.None);

        Assert.Equal((0, 1), (replay.Created, replay.Rejected));
        Assert.Single(await f.ContactsAsync());
        Assert.Equal(ErrorStatus.Open, (await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync())).Status);
    }

    [Theory]
    [InlineData(199, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void An_id_fits_up_to_the_column_and_its_cut_form_never_fits(int length, bool fits)
    {
        var id = new string('a', length);

        Assert.Equal(fits, SourceIdLimit.Fits(id));
        Assert.Equal(SourceIdLimit.MaxLength, SourceIdLimit.Stored(new string('a', 300)).Length);
        Assert.False(SourceIdLimit.Fits(SourceIdLimit.Stored(new string('a', 300))));
    }
}
