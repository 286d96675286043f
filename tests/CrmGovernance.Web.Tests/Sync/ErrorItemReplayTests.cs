using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Sync;

/// <summary>On the demo portal, whose flows are published: replay from an item's detail starts a replay run of its flow.</summary>
public sealed class ErrorItemReplayTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_admin_replays_an_item_from_its_detail_as_a_replay_run_of_its_flow()
    {
        var flow = (await fixture.Host.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration.Flows.First();
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin, "admin.replays@example.com");
        var id = await pages.AddErrorAsync(ErrorItemActionsTests.Rejected(flow.Id, "replay-from-detail", "{}"));
        ErrorItemActionsTests.OpenDetail(pages, id);

        // The demo's scheduler runs this flow too: while one of its runs is going, replay says so and the admin tries again.
        for (var attempt = 1; ; attempt++)
        {
            var busyBefore = Busy(pages);
            await pages.Dialogs.Find("#item-replay").ClickAsync(new());
            pages.Snackbars.WaitForAssertion(
                () => Assert.True(pages.Snackbars.Markup.Contains("Replay started", StringComparison.Ordinal) || Busy(pages) > busyBefore, pages.Snackbars.Markup),
                TimeSpan.FromSeconds(30));
            if (pages.Snackbars.Markup.Contains("Replay started", StringComparison.Ordinal))
            {
                break;
            }
            Assert.True(attempt < 20, "The flow stayed busy.");
            await Task.Delay(500);
        }
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().SyncRuns.AsNoTracking()
            .Where(r => r.FlowId == flow.Id && r.Trigger == SyncTrigger.Replay && r.StartedBy == "admin.replays@example.com").CountAsync();
        Assert.Equal(1, runs);
    }

    private static int Busy(OperationsPages pages) =>
        pages.Snackbars.Markup.Split("is running", StringSplitOptions.None).Length - 1;
}
