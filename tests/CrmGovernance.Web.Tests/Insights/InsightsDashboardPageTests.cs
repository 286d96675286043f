using System.Globalization;
using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Web.Features.Insights;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;
using MudBlazor;

namespace CrmGovernance.Web.Tests.Insights;

public sealed class InsightsDashboardPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    /// <summary>Pages load through the real services on a shared, busy machine: give them time.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_link_sets_the_filters_and_a_changed_filter_goes_back_into_the_url_and_reloads()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        pages.Navigation.NavigateTo($"insights?from=2026-09-01&to=2026-09-07&flow={DemoConfiguration.WebFormFlow}");

        var page = pages.Context.Render<InsightsDashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("2026-09-01", page.Find("#insights-period").GetAttribute("data-from")), Wait);
        Assert.Equal("2026-09-07", page.Find("#insights-period").GetAttribute("data-to"));
        // No baseline chosen or named: the seven days before.
        Assert.Equal("PreviousPeriod", page.Find("#insights-baseline").GetAttribute("data-kind"));
        Assert.Equal("2026-08-25", page.Find("#insights-baseline").GetAttribute("data-from"));
        Assert.Equal(DemoConfiguration.WebFormFlow, Filters(page).FlowId);
        var period = Select<string>(page, "filter-period");

        await page.InvokeAsync(() => period.Instance.ValueChanged.InvokeAsync("7"));

        var today = Today();
        var uri = pages.Navigation.Uri;
        Assert.Contains("from=" + InsightsQuery.Text(today.AddDays(-6)), uri, StringComparison.Ordinal);
        Assert.Contains("to=" + InsightsQuery.Text(today), uri, StringComparison.Ordinal);
        Assert.Contains("flow=" + DemoConfiguration.WebFormFlow, uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal(InsightsQuery.Text(today.AddDays(-6)), page.Find("#insights-period").GetAttribute("data-from")), Wait);
        Assert.Equal(7, Filters(page).Days);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_explained_and_the_dates_chosen_stay()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        pages.Navigation.NavigateTo("insights?from=2026-09-10&to=2026-09-01");

        var page = pages.Context.Render<InsightsDashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("The period ends before it starts.", page.Find("#insights-problem").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(page.FindAll("#insights-period"));
        Assert.Equal(new DateOnly(2026, 9, 10), Filters(page).From);
        Assert.Equal(new DateOnly(2026, 9, 1), Filters(page).To);
    }

    [Fact]
    public async Task A_finished_run_fills_the_cards_whose_numbers_open_the_runs_and_every_chart_marks_the_versions_published()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        // A day in the past, which the live demo's runs (now) do not reach, so the figures hold still while the test reads them.
        var day = Today().AddDays(-3);
        var id = await FinishedRunAsync(pages, "cards", day);
        var filter = new InsightsFilter(day, day, FlowId: DemoConfiguration.WebFormFlow);
        var data = await FilledAsync(pages, filter, id);
        pages.Navigation.NavigateTo("insights" + InsightsQuery.QueryString(filter));

        var page = pages.Context.Render<InsightsDashboardPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-card]")), Wait);
        Assert.Empty(page.FindAll("#insights-empty"));
        var moved = page.Find("[data-card-value='records-moved']");
        Assert.Equal(InsightsFormat.Value(MetricUnit.Count, data.Card(InsightCards.RecordsMoved)!.Value), moved.TextContent.Trim());
        Assert.Equal(InsightsLinks.Drill(InsightCards.RecordsMoved, filter), moved.GetAttribute("href"));
        Assert.StartsWith("insights/drill?from=", moved.GetAttribute("href"), StringComparison.Ordinal);
        // Every figure, whatever makes it, opens the drill-down with the dashboard's period and flow.
        foreach (var card in new[] { InsightCards.ReviewPerThousand, InsightCards.ErrorsPerThousand, InsightCards.StewardTime, InsightCards.DuplicateRate, InsightCards.Mttr })
        {
            var href = page.Find($"[data-card-value='{card}']").GetAttribute("href")!;
            Assert.Equal(InsightsLinks.Drill(card, filter), href);
            Assert.Contains($"from={InsightsQuery.Text(day)}&to={InsightsQuery.Text(day)}", href, StringComparison.Ordinal);
            Assert.Contains($"flow={DemoConfiguration.WebFormFlow}", href, StringComparison.Ordinal);
        }
        // A baseline value opens the same figure in the baseline's own period (here the day before).
        var baseline = page.Find("[data-card-baseline='records-moved']");
        if (baseline.TagName == "A")
        {
            Assert.Equal(InsightsLinks.Drill(InsightCards.RecordsMoved, filter with { From = day.AddDays(-1), To = day.AddDays(-1) }), baseline.GetAttribute("href"));
        }

        // Up to today the period holds the portal's first version: every chart marks it.
        var toToday = filter with { To = Today() };
        var versions = (await pages.Context.Services.GetRequiredService<InsightsDashboard>().LoadAsync(toToday)).Versions;
        Assert.NotEmpty(versions);
        pages.Navigation.NavigateTo("insights" + InsightsQuery.QueryString(toToday));
        page = pages.Context.Render<InsightsDashboardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-trend='records-moved'] a[data-version]")), Wait);
        Assert.Equal(versions.Select(v => InsightsLinks.Version(v.Number)), page.FindAll("[data-trend='records-moved'] a[data-version]").Select(m => m.GetAttribute("href")));
        Assert.Equal(versions.Count, page.FindAll("[data-trend='duplicate-rate'] a[data-version]").Count);
        Assert.NotNull(page.Find("[data-flow-row='Web form to CRM contacts'] [data-figure='moved']"));
    }

    [Fact]
    public async Task The_runs_behind_a_number_add_up_to_it_and_its_records_are_exactly_those_counted()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        var day = Today().AddDays(-5);
        var id = await FinishedRunAsync(pages, "drill", day);
        var filter = new InsightsFilter(day, day, FlowId: DemoConfiguration.WebFormFlow);
        var data = await FilledAsync(pages, filter, id);
        var moved = data.Card(InsightCards.RecordsMoved)!.Value!.Value;
        pages.Navigation.NavigateTo(InsightsLinks.Drill(InsightCards.RecordsMoved, filter));

        var page = pages.Context.Render<InsightsDrillPage>();

        page.WaitForAssertion(() => Assert.Equal(moved.ToString(CultureInfo.InvariantCulture), page.Find("#drill-totals").GetAttribute("data-counted")), Wait);
        page.WaitForAssertion(() => Assert.Equal(moved.ToString(CultureInfo.InvariantCulture), page.Find("#drill-records-total").GetAttribute("data-total")), Wait);
        Assert.Contains("runs/" + id, page.Find($"#drill-runs [data-run='{id}']").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("run=" + id, page.Find($"[data-run-records='{id}']").GetAttribute("href"), StringComparison.Ordinal);
        // The records' grid loads after the totals.
        page.WaitForAssertion(() => Assert.Contains("drill-1", page.Find("#drill-records").TextContent, StringComparison.Ordinal), Wait);
        Assert.DoesNotContain("drill-2", page.Find("#drill-records").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_figure_that_counts_runs_only_says_so_instead_of_listing_records()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        pages.Navigation.NavigateTo(InsightsLinks.Drill(InsightCards.SuccessRate, InsightsFilter.LastDays(Today(), 7)));

        var page = pages.Context.Render<InsightsDrillPage>();

        page.WaitForAssertion(() => Assert.Contains("counts runs, not records", page.Find("#drill-runs-only").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(page.FindAll("#drill-records"));
    }

    /// <summary>A finished run of the web form flow on the given day: one record created, one rejected.</summary>
    internal static async Task<long> FinishedRunAsync(OperationsPages pages, string prefix, DateOnly day)
    {
        // Stored as finished at once: a run of the live demo's flow marked running would be interrupted by the demo's worker,
        // whose transaction (holding the outbox's order lock) then waits for this row while this update waits for that lock.
        var run = OperationsPages.Run(SyncRunStatus.Succeeded);
        run.StartedUtc = run.HeartbeatUtc = day.ToDateTime(new TimeOnly(10, 15), DateTimeKind.Utc);
        run.FlowId = DemoConfiguration.WebFormFlow;
        run.ConfigurationVersion = (await pages.Context.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Version;
        var id = await pages.AddRunAsync(run,
            new RecordOutcome { SourceId = prefix + "-1", TargetId = "crm-" + prefix + "-1", Outcome = OutcomeKind.Created, AfterJson = """{"email":"a@x.com"}""" },
            new RecordOutcome { SourceId = prefix + "-2", Outcome = OutcomeKind.Rejected, Reason = "email is missing" });
        await pages.UpdateRunAsync(id, r => (r.Created, r.Rejected, r.Status, r.FinishedUtc) = (1, 1, SyncRunStatus.Succeeded, r.StartedUtc.AddMinutes(1)));
        return id;
    }

    /// <summary>The dashboard's data once the run's roll-up has landed (the subscriber handles the run's event in the background).</summary>
    internal static async Task<DashboardData> FilledAsync(OperationsPages pages, InsightsFilter filter, long runId)
    {
        var drill = pages.Context.Services.GetRequiredService<InsightsDrill>();
        for (var i = 0; i < 100; i++)
        {
            if ((await drill.RunsAsync(new DrillQuery(InsightCards.RecordsMoved, filter), 0, 500)).Items.Any(r => r.RunId == runId))
            {
                return await pages.Context.Services.GetRequiredService<InsightsDashboard>().LoadAsync(filter);
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The roll-up of run {runId} did not land within 20 seconds.");
    }

    internal static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    internal static IRenderedComponent<MudSelect<T>> Select<T>(IRenderedComponent<InsightsDashboardPage> page, string id) =>
        page.FindComponents<MudSelect<T>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("id"), id));

    /// <summary>The filters the filter bar shows.</summary>
    internal static InsightsFilter Filters(IRenderedComponent<InsightsDashboardPage> page) => page.FindComponent<InsightsFilterBar>().Instance.Filter;
}
