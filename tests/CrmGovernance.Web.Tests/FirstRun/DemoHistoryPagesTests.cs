using Bunit;
using CrmGovernance.Core.Features.FirstRun.History;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Web.Features.Stewardship;
using CrmGovernance.Web.Features.Sync;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Stewardship;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.FirstRun;

/// <summary>The pages of the demo's generated past say that it is generated and offer nothing that would act on it.</summary>
public sealed class DemoHistoryPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_history_scan_shows_its_figures_says_clusters_are_not_kept_and_offers_nothing_to_send()
    {
        var scan = DuplicateScanSeed.Scan(ScanStatus.Completed);
        (scan.RequestedBy, scan.RecordsRead, scan.PairsFound, scan.Clusters, scan.DuplicateRecords, scan.DuplicateRate) = (DemoHistory.StartedBy, 170, 23, 20, 22, 22.0 / 170);
        var id = await new DuplicateScanSeed(fixture.Host).ScanAsync(scan);
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<DuplicateScanPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("clusters and pairs are not kept", page.Find("#scan-demo-history").TextContent, StringComparison.Ordinal));
        Assert.Equal("20", page.Find("#figure-clusters").TextContent.Trim());
        Assert.Empty(page.FindAll("#scan-feed-button"));
        Assert.Empty(page.FindAll("#clusters-grid"));
        Assert.Empty(page.FindAll("#review-pairs-grid"));
    }

    [Fact]
    public async Task A_history_review_item_says_it_is_demo_history_and_offers_no_decision()
    {
        var id = await new ReviewSeed(fixture.Host).ItemAsync(DemoHistoryMarks.RecordPrefix + "C-50001", DemoHistoryMarks.RecordPrefix + "C-50002");
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<ReviewItemPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("Generated demo history", page.Find("#review-demo-history").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#merge"));
        Assert.Empty(page.FindAll("#not-duplicate"));
        Assert.Empty(page.FindAll("#defer"));
        Assert.Empty(page.FindAll("#target-problem"));
    }

    [Fact]
    public async Task A_history_run_says_it_is_demo_history_and_a_real_run_does_not()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var history = OperationsPages.Run();
        history.StartedBy = DemoHistory.StartedBy;
        var generated = await pages.AddRunAsync(history,
            new RecordOutcome { SourceId = "web-h00001", TargetId = DemoHistoryMarks.RecordPrefix + "C-60001", Outcome = OutcomeKind.Created });
        var real = await pages.AddRunAsync(OperationsPages.Run());

        var page = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, generated));
        var other = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, real));

        page.WaitForAssertion(() => Assert.Contains("Generated demo history", page.Find("#run-demo-history").TextContent, StringComparison.Ordinal));
        other.WaitForAssertion(() => Assert.NotEmpty(other.FindAll("#run-facts")));
        Assert.Empty(other.FindAll("#run-demo-history"));
    }
}
