using Bunit;
using CrmGovernance.Core.Access;
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
        var filter = InsightsFilter.LastDays(InsightsDashboardPageTests.Today(), 30);
        var only = filter with { FlowId = DemoConfiguration.WebFormFlow };
        var flow = (await pages.Context.Services.GetRequiredService<InsightsDashboard>().LoadAsync(filter)).Flows.Single(f => f.FlowId == DemoConfiguration.WebFormFlow);
        pages.Navigation.NavigateTo("insights" + InsightsQuery.QueryString(filter));

        var page = pages.Context.Render<InsightsDashboardPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-flow-row='Web form to CRM contacts'] [data-figure='manual']")), Wait);
        var row = "[data-flow-row='Web form to CRM contacts']";
        Assert.Equal(InsightsLinks.Drill(DrillFigures.RecordsFailed, only), page.Find($"{row} [data-figure='failed']").GetAttribute("href"));
        Assert.Equal(InsightsLinks.Drill(DrillFigures.ManualPerThousand, only), page.Find($"{row} [data-figure='manual']").GetAttribute("href"));

        // The drill-down of manual handling lists review and error-queue items whose figure is the table's.
        pages.Navigation.NavigateTo(InsightsLinks.Drill(DrillFigures.ManualPerThousand, only));
        var drill = pages.Context.Render<InsightsDrillPage>();
        drill.WaitForAssertion(() => Assert.NotNull(drill.Find("#drill-items-totals")), Wait);
        var figure = drill.Find("#drill-items-totals").GetAttribute("data-figure");
        Assert.Equal(flow.ManualPerThousand?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", figure);
    }
}
