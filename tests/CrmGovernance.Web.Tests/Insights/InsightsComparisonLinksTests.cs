using System.Globalization;
using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Web.Features.Insights;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Web.Tests.Insights;

/// <summary>The numbers that are not over whole days and one flow open drill-downs over exactly what they count.</summary>
public sealed class InsightsComparisonLinksTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Each_number_of_the_before_and_after_table_links_to_its_sides_hours_and_flows()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        // A run after the first version, so its changed flows have figures after it.
        var id = await RunAsync(pages, DateTime.UtcNow, OutcomeKind.Created);
        await InsightsDashboardPageTests.FilledAsync(pages, new InsightsFilter(InsightsDashboardPageTests.Today(), InsightsDashboardPageTests.Today()), id);
        pages.Navigation.NavigateTo("insights/versions/1");
        var c = await pages.Context.Services.GetRequiredService<InsightsComparison>().CompareAsync(1);

        var page = pages.Context.Render<VersionComparisonPage>(p => p.Add(x => x.Number, 1));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#comparison-table [data-comparison-row] a[data-figure]")), Wait);
        var changed = string.Join(",", c.ChangedFlows.Select(f => f.Id).Order());
        foreach (var row in c.Rows)
        {
            foreach (var (name, after, value) in new[] { ("changed-before", false, row.ChangedBefore), ("changed-after", true, row.ChangedAfter) })
            {
                var cell = page.FindAll($"[data-comparison-row='{row.Key}'] [data-figure='{name}']");
                if (value is null)
                {
                    Assert.Empty(cell);
                    continue;
                }
                var query = QueryHelpers.ParseQuery(new Uri(new Uri("http://portal/"), cell.Single().GetAttribute("href")).Query);
                var window = after ? c.AfterWindow : c.BeforeWindow;
                Assert.Equal(row.Key, query["card"].ToString());
                Assert.Equal(DrillQueryString.Text(window.FromUtc), query["fromUtc"].ToString());
                Assert.True(query.ContainsKey("toUtc"));
                Assert.Equal(changed, query["flows"].ToString());
            }
            // Version 1 created every flow: there is no control, so its cells link nowhere.
            Assert.Empty(page.FindAll($"[data-comparison-row='{row.Key}'] [data-figure^='control']"));
        }
        var before = page.FindAll("[data-figure='changed-before']").Select(a => a.GetAttribute("href")).FirstOrDefault();
        if (before is not null)
        {
            Assert.Contains("toUtc=" + Uri.EscapeDataString(DrillQueryString.Text(c.BeforeWindow.ToUtc)), before, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_flows_tables_failed_and_manual_handling_open_drill_downs_that_list_what_they_count()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        // A day of its own: one run of the web form with a record that failed.
        var day = InsightsDashboardPageTests.Today().AddDays(-11);
        var id = await RunAsync(pages, day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), OutcomeKind.Failed);
        var filter = new InsightsFilter(day, day);
        var only = filter with { FlowId = DemoConfiguration.WebFormFlow };
        var flow = (await InsightsDashboardPageTests.FilledAsync(pages, only, id)).Flows.Single(f => f.FlowId == DemoConfiguration.WebFormFlow);
        pages.Navigation.NavigateTo("insights" + InsightsQuery.QueryString(filter));

        var page = pages.Context.Render<InsightsDashboardPage>();

        var row = "[data-flow-row='Web form to CRM contacts']";
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"{row} [data-figure='manual']")), Wait);
        Assert.Equal(InsightsLinks.Drill(DrillFigures.RecordsFailed, only), page.Find($"{row} [data-figure='failed']").GetAttribute("href"));
        Assert.Equal(InsightsLinks.Drill(DrillFigures.ManualPerThousand, only), page.Find($"{row} [data-figure='manual']").GetAttribute("href"));

        // Failed opens the run and its failed record; manual handling the queues' items, whose figure is the table's.
        pages.Navigation.NavigateTo(InsightsLinks.Drill(DrillFigures.RecordsFailed, only));
        var failed = pages.Context.Render<InsightsDrillPage>();
        failed.WaitForAssertion(() => Assert.Equal(flow.Failed.ToString(CultureInfo.InvariantCulture), failed.Find("#drill-totals").GetAttribute("data-counted")), Wait);
        Assert.Equal(1.0, flow.Failed);
        pages.Navigation.NavigateTo(InsightsLinks.Drill(DrillFigures.ManualPerThousand, only));
        var manual = pages.Context.Render<InsightsDrillPage>();
        manual.WaitForAssertion(() => Assert.NotNull(manual.Find("#drill-items-totals")), Wait);
        Assert.Equal(flow.ManualPerThousand?.ToString(CultureInfo.InvariantCulture) ?? "", manual.Find("#drill-items-totals").GetAttribute("data-figure"));
    }

    [Fact]
    public async Task A_drill_link_with_a_window_that_does_not_read_or_too_many_flows_says_why_and_lists_nothing()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        var flows = string.Join(",", Enumerable.Range(0, DrillFlows.Max + 1).Select(_ => Guid.NewGuid()));
        pages.Navigation.NavigateTo($"insights/drill?card=rejections&from=2026-11-01&to=2026-11-02&fromUtc=yesterday&toUtc=2026-11-02T10:00:00Z&flows={flows}");

        var page = pages.Context.Render<InsightsDrillPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#drill-problem")), Wait);
        var problem = page.Find("#drill-problem").TextContent;
        Assert.Contains("The window start \"yesterday\" is not a UTC time", problem, StringComparison.Ordinal);
        Assert.Contains($"at most {DrillFlows.Max} flows", problem, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#drill-runs"));

        pages.Navigation.NavigateTo("insights/drill?card=rejections&from=2026-11-01&to=2026-11-02&fromUtc=2026-11-01T10:30:00Z&toUtc=2026-11-02T10:00:00Z&flows=not-a-flow");
        var half = pages.Context.Render<InsightsDrillPage>();
        half.WaitForAssertion(() => Assert.Contains("on the hour", half.Find("#drill-problem").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("1 flow(s) the portal does not know", half.Find("#drill-problem").TextContent, StringComparison.Ordinal);
    }

    /// <summary>A finished run of the web form: one record created and one of <paramref name="second"/>.</summary>
    private static async Task<long> RunAsync(OperationsPages pages, DateTime startedUtc, OutcomeKind second)
    {
        // Stored as finished at once: a run of the live demo's flow marked running would be interrupted by the demo's worker,
        // whose transaction (holding the outbox's order lock) then waits for this row while this update waits for that lock.
        var run = OperationsPages.Run(SyncRunStatus.Succeeded);
        run.StartedUtc = run.HeartbeatUtc = startedUtc;
        run.FlowId = DemoConfiguration.WebFormFlow;
        run.ConfigurationVersion = (await pages.Context.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Version;
        var prefix = "cmp-" + Guid.NewGuid().ToString("N")[..6];
        var id = await pages.AddRunAsync(run, new RecordOutcome { SourceId = prefix + "-1", Outcome = OutcomeKind.Created, TargetId = "crm-" + prefix },
            new RecordOutcome { SourceId = prefix + "-2", Outcome = second, Reason = "the CRM refused it" });
        await pages.UpdateRunAsync(id, r => (r.Created, r.Failed, r.Status, r.FinishedUtc) = (1, second == OutcomeKind.Failed ? 1 : 0, SyncRunStatus.Succeeded, r.StartedUtc.AddMinutes(1)));
        return id;
    }
}
