using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>An error-queue item says once what is wrong, however often it is tried.</summary>
public sealed class ErrorQueueReasonTests
{
    [Fact]
    public async Task A_value_a_transform_refuses_is_explained_once_not_again_by_the_catalog_check()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("p1", "p1@example.com", phone: "call me after 5");

        await f.RunAsync();

        var item = await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync());
        Assert.Equal("phone: 'call me after 5' is not a phone number.", item.Reason);
    }

    [Fact]
    public async Task Each_error_of_a_record_is_listed_once_and_every_field_is_named()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("p1", "not an email", last: null, phone: "12345");

        await f.RunAsync();

        var item = await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync());
        var sentences = item.Reason.Split(". ", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(sentences.Length, sentences.Distinct(StringComparer.Ordinal).Count());
        Assert.Single(sentences, s => s.StartsWith("email:", StringComparison.Ordinal));
        Assert.Single(sentences, s => s.StartsWith("phone:", StringComparison.Ordinal));
        Assert.Single(sentences, s => s.StartsWith("last_name is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replay_that_fails_again_counts_an_attempt_and_keeps_the_reason_once()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("p1", "p1@example.com", phone: "call me after 5");
        var first = await f.RunAsync();
        var queued = await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync());

        var replay = await f.Host.Runner.ReplayAsync(SyncScenario.Flow, [queued.Id], "steward", ActorContext.System("steward"), CancellationToken.None);
        await f.Host.Runner.ReplayAsync(SyncScenario.Flow, null, "steward", ActorContext.System("steward"), CancellationToken.None);

        var item = await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync());
        Assert.Equal((queued.Id, ErrorStatus.Open, 3), (item.Id, item.Status, item.Attempts));
        Assert.Equal("phone: 'call me after 5' is not a phone number.", item.Reason);
        Assert.NotEqual(first.Id, item.RunId);
        Assert.True(replay.Id < item.RunId);
    }
}
