using Bunit;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Web.Features.Stewardship;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Stewardship;

public sealed class DuplicateScanPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_steward_starts_a_scan_of_the_demo_crm_and_its_page_follows_it_to_the_clusters()
    {
        var (first, second) = await new DuplicateScanSeed(fixture.Host).LookalikesAsync();
        await using var pages = new OperationsPages(fixture.Host);
        var scans = pages.Context.Services.GetRequiredService<DuplicateScanService>();
        var choices = await scans.ChoicesAsync();
        var crmContacts = Assert.Single(choices.Targets, t => t.SystemId == DemoConfiguration.Crm && t.ObjectId == StandardObjects.Contact);
        var id = await scans.RequestAsync(crmContacts.SystemId, crmContacts.ObjectId);

        var page = pages.Context.Render<DuplicateScanPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal(nameof(ScanStatus.Completed), page.Find("[data-scan-status]").GetAttribute("data-scan-status")), Patience);
        Assert.Contains("Contact in CRM", page.Find("#scan-heading").TextContent, StringComparison.Ordinal);
        Assert.NotEqual("0", page.Find("#figure-clusters").TextContent.Trim());
        Assert.StartsWith("Send ", page.Find("#scan-feed-button").TextContent.Trim(), StringComparison.Ordinal);
        var clusters = await scans.ClustersAsync(id, 0, DuplicateScanService.MaxPageSize);
        Assert.Contains(clusters.Items, c => c.Members.Contains(first) && c.Members.Contains(second));
    }

    [Fact]
    public async Task A_completed_scan_shows_its_figures_its_clusters_with_their_scores_and_what_the_feed_will_send()
    {
        var scan = DuplicateScanSeed.Scan(ScanStatus.Completed);
        (scan.PairsFound, scan.Clusters, scan.DuplicateRecords, scan.DuplicateRate, scan.CandidatePairs) = (4, 2, 3, 3.0 / 1_200, 9_000);
        var id = await new DuplicateScanSeed(fixture.Host).ScanAsync(scan,
            DuplicateScanSeed.Pair("c-1", "c-2", 0.999, 1), DuplicateScanSeed.Pair("c-2", "c-3", 0.985, 1),
            DuplicateScanSeed.Pair("k-1", "k-2", 0.991, 2), DuplicateScanSeed.Pair("r-1", "r-2", 0.72, null));
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<DuplicateScanPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-cluster]")));
        Assert.Equal(DuplicateScanFormat.Rate(3.0 / 1_200), page.Find("#figure-rate").TextContent.Trim());
        Assert.Equal("1", page.Find("#figure-review").TextContent.Trim());
        Assert.Equal(new string?[] { "c-1", "c-2", "c-3", "k-1", "k-2" }, page.FindAll("[data-member]").Select(m => m.GetAttribute("data-member")).ToArray());
        Assert.Contains("c-1 ↔ c-2 0.999", page.Find("#clusters-grid").TextContent, StringComparison.Ordinal);
        // The pairs to review load on their own, after the clusters.
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#review-pairs-grid [data-pair-score]")));
        page.WaitForAssertion(() => Assert.Equal("Send 4 pairs to the review queue", page.Find("#scan-feed-button").TextContent.Trim()));
    }

    [Fact]
    public async Task Clusters_and_pairs_to_review_show_each_record_by_name_and_email_beside_its_id()
    {
        var seed = new DuplicateScanSeed(fixture.Host);
        var (first, second) = await seed.LookalikesAsync();
        var scan = DuplicateScanSeed.Scan(ScanStatus.Completed);
        (scan.SystemId, scan.PairsFound, scan.Clusters) = (DemoConfiguration.Crm, 2, 1);
        var id = await seed.ScanAsync(scan, DuplicateScanSeed.Pair(first, second, 0.999, 1), DuplicateScanSeed.Pair(second, "gone-1", 0.8, null));
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<DuplicateScanPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("Katharina Ostrowski", page.Find($"[data-member='{first}']").TextContent, StringComparison.Ordinal));
        Assert.Contains($"katharina.{first[3..11]}@example.com ({first})", page.Find($"[data-member='{first}']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Katarina Ostrowski", page.Find($"[data-member='{second}']").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("Katarina Ostrowski", page.Find($"#review-pairs-grid [data-record='{second}']").TextContent, StringComparison.Ordinal));
        // A record the CRM no longer holds is shown by its id.
        Assert.Equal("gone-1", page.Find("#review-pairs-grid [data-record='gone-1']").TextContent.Trim());
    }

    [Fact]
    public async Task The_list_shows_a_running_scan_live_until_it_has_finished()
    {
        var seed = new DuplicateScanSeed(fixture.Host);
        var id = await seed.ScanAsync(DuplicateScanSeed.Scan(ScanStatus.Running));
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<DuplicateScansPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-scan='{id}']")));
        Assert.NotEmpty(page.FindAll("#scan-target"));
        Assert.Contains("Comparing", page.Find("[data-scan-activity='comparing']").TextContent, StringComparison.Ordinal);
        await seed.UpdateAsync(id, s => (s.Status, s.Phase, s.Progress, s.FinishedUtc, s.DuplicateRate) = (ScanStatus.Completed, ScanPhases.Done, 1, DateTime.UtcNow, 0.05));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-scan-activity]")), TimeSpan.FromSeconds(10));
        Assert.Contains(DuplicateScanFormat.Rate(0.05), page.Find("#scans-grid").TextContent, StringComparison.Ordinal);
    }
}
