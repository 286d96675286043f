using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Web.Features.Insights;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Insights;

/// <summary>The drill-down of a figure runs do not make: its units listed, each opening its own page, and an empty list that says why.</summary>
public sealed class InsightsDrillItemsPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    /// <summary>Pages load through the real services on a shared, busy machine: give them time.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_error_queue_figure_lists_the_items_that_entered_in_its_period_each_opening_the_queue_at_that_record()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        // A day in the past, which the live demo's items (now) do not reach.
        var day = InsightsDashboardPageTests.Today().AddDays(-11);
        var sourceId = "drill-item-" + Guid.NewGuid().ToString("N")[..8];
        var id = await pages.AddErrorAsync(new ErrorQueueItem
        {
            Kind = ErrorKind.Rejected, FlowId = DemoConfiguration.WebFormFlow, SystemKey = "website", ObjectKey = "contact", SourceId = sourceId, Reason = "email is missing",
            Payload = "{}", CreatedUtc = day.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc),
        });
        var filter = new InsightsFilter(day, day, FlowId: DemoConfiguration.WebFormFlow);
        var expected = await pages.Context.Services.GetRequiredService<InsightsDrill>().ItemsAsync(new DrillQuery(InsightCards.ErrorsPerThousand, filter), 0, 500);
        pages.Navigation.NavigateTo(InsightsLinks.Drill(InsightCards.ErrorsPerThousand, filter));

        var page = pages.Context.Render<InsightsDrillPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"#drill-items [data-item='{id}']")), Wait);
        var link = page.Find($"#drill-items [data-item='{id}']").GetAttribute("href")!;
        Assert.StartsWith("error-queue?status=any", link, StringComparison.Ordinal);
        Assert.Contains("q=" + sourceId, link, StringComparison.Ordinal);
        Assert.Contains(expected.Items, i => i.Id == id);
        page.WaitForAssertion(() => Assert.Equal(expected.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.Find("#drill-items-totals").GetAttribute("data-total")), Wait);
        Assert.Empty(page.FindAll("#drill-runs"));
    }

    [Fact]
    public async Task Scans_under_a_flow_filter_say_why_the_list_is_empty()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        pages.Navigation.NavigateTo(InsightsLinks.Drill(InsightCards.DuplicateRate, InsightsFilter.LastDays(InsightsDashboardPageTests.Today(), 7) with
        {
            FlowId = DemoConfiguration.WebFormFlow,
        }));

        var page = pages.Context.Render<InsightsDrillPage>();

        page.WaitForAssertion(() => Assert.Contains("Clear the flow filter", page.Find("#drill-items-empty").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("0", page.Find("#drill-items-totals").GetAttribute("data-total"));
    }

    [Fact]
    public async Task Home_figures_open_the_drill_down_of_the_last_30_days()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        var day = InsightsDashboardPageTests.Today().AddDays(-7);
        var id = await InsightsDashboardPageTests.FinishedRunAsync(pages, "home", day);
        await InsightsDashboardPageTests.FilledAsync(pages, new InsightsFilter(day, day, FlowId: DemoConfiguration.WebFormFlow), id);
        var last30 = InsightsFilter.LastDays(InsightsDashboardPageTests.Today(), 30);

        var card = pages.Context.Render<InsightsHomeCard>();

        card.WaitForAssertion(() => Assert.NotEmpty(card.FindAll("[data-home-figure]")), Wait);
        Assert.All(card.FindAll("[data-home-figure]"), a => Assert.Equal(InsightsLinks.Drill(a.GetAttribute("data-home-figure")!, last30), a.GetAttribute("href")));
    }

    [Fact]
    public void Every_card_links_to_the_drill_down_with_the_period_and_subjects_and_a_baseline_value_with_its_own_period()
    {
        var filter = new InsightsFilter(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), StandardObjects.Contact, DemoConfiguration.WebFormFlow, DemoConfiguration.Crm,
            new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31));
        foreach (var card in InsightCards.All)
        {
            var link = InsightsLinks.For(card.Key, filter);
            Assert.Equal(Capability.ViewInsights, link.Needs);
            Assert.StartsWith("insights/drill?from=2026-09-01&to=2026-09-30", link.Href, StringComparison.Ordinal);
            Assert.Contains($"object={StandardObjects.Contact}", link.Href, StringComparison.Ordinal);
            Assert.Contains($"flow={DemoConfiguration.WebFormFlow}", link.Href, StringComparison.Ordinal);
            Assert.Contains($"system={DemoConfiguration.Crm}", link.Href, StringComparison.Ordinal);
            Assert.Contains("card=" + card.Key, link.Href, StringComparison.Ordinal);
            Assert.DoesNotContain("baseline", link.Href, StringComparison.Ordinal);
            var baseline = InsightsLinks.Baseline(card.Key, filter, new BaselinePeriod(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31), BaselineKind.Chosen, "x"));
            Assert.StartsWith("insights/drill?from=2026-08-01&to=2026-08-31", baseline.Href, StringComparison.Ordinal);
        }
    }
}
