using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Web.Features.Insights;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;
using MudBlazor;

namespace CrmGovernance.Web.Tests.Insights;

public sealed class InsightsVersionAndBaselineTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    /// <summary>Pages load through the real services on a shared, busy machine: give them time.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_first_version_compares_every_flow_it_created_before_and_after_and_the_days_go_into_the_url()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        pages.Navigation.NavigateTo("insights/versions/1");

        var page = pages.Context.Render<VersionComparisonPage>(p => p.Add(x => x.Number, 1));

        page.WaitForAssertion(() => Assert.Equal("14", page.Find("#comparison-version").GetAttribute("data-days")), Wait);
        Assert.Contains("Web form to CRM contacts", page.Find("#comparison-changed").TextContent, StringComparison.Ordinal);
        Assert.Contains("none", page.Find("#comparison-control").TextContent, StringComparison.Ordinal);
        Assert.Equal(InsightsComparison.Figures, page.FindAll("#comparison-table [data-comparison-row]").Select(r => r.GetAttribute("data-comparison-row")));

        var days = page.FindComponents<MudSelect<int>>().Single();
        await page.InvokeAsync(() => days.Instance.ValueChanged.InvokeAsync(28));

        Assert.Contains("days=28", pages.Navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal("28", page.Find("#comparison-version").GetAttribute("data-days")), Wait);
    }

    [Fact]
    public async Task A_version_that_does_not_exist_says_so()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);

        var page = pages.Context.Render<VersionComparisonPage>(p => p.Add(x => x.Number, 9999));

        page.WaitForAssertion(() => Assert.Contains("There is no configuration version 9999.", page.Find("#comparison-problem").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task An_admin_names_the_baseline_of_a_flow_the_dashboard_then_compares_with_it_and_removing_it_asks_first()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin, "baseline.admin@example.com");
        var today = InsightsDashboardPageTests.Today();
        pages.Navigation.NavigateTo($"insights?flow={DemoConfiguration.OrdersFlow}&baselineFrom={InsightsQuery.Text(today.AddDays(-60))}&baselineTo={InsightsQuery.Text(today.AddDays(-33))}");
        var page = pages.Context.Render<InsightsDashboardPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#name-baseline")), Wait);

        page.Find("#name-baseline").Click(); // the handler waits for the dialog to close
        pages.Dialogs.WaitForElement("#baseline-name").Change("the four weeks before go-live");
        pages.Dialogs.Find("#baseline-save").Click();

        pages.Snackbars.WaitForAssertion(() => Assert.Contains("named for flow Shop orders to CRM", pages.Snackbars.Markup, StringComparison.Ordinal), Wait);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-baseline='the four weeks before go-live']")), Wait);
        // Without a chosen baseline the dashboard of that flow compares with the named one.
        pages.Navigation.NavigateTo($"insights?flow={DemoConfiguration.OrdersFlow}");
        var named = pages.Context.Render<InsightsDashboardPage>();
        named.WaitForAssertion(() => Assert.Equal("Named", named.Find("#insights-baseline").GetAttribute("data-kind")), Wait);
        Assert.Equal(InsightsQuery.Text(today.AddDays(-60)), named.Find("#insights-baseline").GetAttribute("data-from"));

        named.Find("[data-baseline='the four weeks before go-live'] [data-remove-baseline]").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.Contains(pages.Dialogs.FindAll("button"), b => b.TextContent.Trim() == "Remove"), Wait);
        pages.Dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Remove").Click();

        named.WaitForAssertion(() => Assert.Empty(named.FindAll("[data-baseline='the four weeks before go-live']")), Wait);
        named.WaitForAssertion(() => Assert.Equal("PreviousPeriod", named.Find("#insights-baseline").GetAttribute("data-kind")), Wait);
    }

    [Fact]
    public async Task A_baseline_without_a_name_is_refused_in_the_dialog_which_stays_open_with_the_reason()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin, "baseline.admin@example.com");
        var today = InsightsDashboardPageTests.Today();
        pages.Navigation.NavigateTo($"insights?object={StandardObjects.Company}&baselineFrom={InsightsQuery.Text(today.AddDays(-10))}&baselineTo={InsightsQuery.Text(today.AddDays(-10))}");
        var page = pages.Context.Render<InsightsDashboardPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#name-baseline")), Wait);

        page.Find("#name-baseline").Click();
        pages.Dialogs.WaitForElement("#baseline-name").Change("   ");
        pages.Dialogs.Find("#baseline-save").Click();

        pages.Dialogs.WaitForAssertion(() => Assert.Contains("Give the baseline a name", pages.Dialogs.Find("#baseline-error").TextContent, StringComparison.Ordinal), Wait);
        Assert.NotNull(pages.Dialogs.Find("#baseline-save"));
    }
}
