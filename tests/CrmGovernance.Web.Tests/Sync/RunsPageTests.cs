using Bunit;
using CrmGovernance.Web.Features.Sync;

namespace CrmGovernance.Web.Tests.Sync;

[Collection(QuietPortalPages.Name)]
public sealed class RunsPageTests(QuietPortalFixture fixture)
{
    [Fact]
    public async Task The_runs_list_applies_the_filters_of_the_query_string_and_links_each_run()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var real = await pages.AddRunAsync(OperationsPages.Run());
        var dry = await pages.AddRunAsync(OperationsPages.Run(dryRun: true));
        pages.Navigation.NavigateTo("runs?dry=true");

        var page = pages.Context.Render<RunsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-run]")));
        var listed = page.FindAll("[data-run]").Select(a => long.Parse(a.GetAttribute("data-run")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(dry, listed);
        Assert.DoesNotContain(real, listed);
        Assert.Equal($"runs/{dry}", page.Find($"[data-run='{dry}']").GetAttribute("href"));
    }

    [Fact]
    public async Task Without_an_active_flow_the_panel_says_how_flows_start_running()
    {
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Contains("No flow is active", page.Find("#no-active-flows").TextContent, StringComparison.Ordinal));
    }
}
