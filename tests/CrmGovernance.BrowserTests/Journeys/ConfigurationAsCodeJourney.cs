using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class ConfigurationAsCodeJourney(BrowserPortal portal)
{
    [Fact]
    public async Task An_owner_exports_the_configuration_as_yaml_edits_it_and_imports_it_as_a_draft_change_request()
    {
        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(owner.Email, owner.Password);
        await page.GotoAsync("versions");
        await page.Locator("[data-version]").First.WaitForAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-yaml").ClickAsync());
        Assert.EndsWith(".yaml", download.SuggestedFilename, StringComparison.Ordinal);
        var yaml = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("cron: '0/30 * * * * ?'", yaml.Replace("\"", "'", StringComparison.Ordinal), StringComparison.Ordinal);

        await page.GotoAsync("change-requests");
        await Interactive.ClickUntilAsync(page.Locator("#import-yaml"), page.Locator("#yaml-title"));
        await page.Locator("#yaml-title").FillAsync("Orders every 30 minutes");
        var edited = yaml.Replace("0/30 * * * * ?", "0 */30 * * * ?", StringComparison.Ordinal);
        await page.Locator("#yaml-text").FillAsync(edited);
        await page.Locator("#yaml-import").ClickAsync();

        await page.Locator("#cr-heading", new() { HasText = "Import: Orders every 30 minutes" }).WaitForAsync();
        Assert.Equal("0 */30 * * * ?", await page.Locator("[data-diff-new='cron']").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_owner_downloads_a_flows_mapping_workbook()
    {
        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(owner.Email, owner.Password);
        await page.GotoAsync($"flows/{DemoConfiguration.OrdersFlow}");
        await Interactive.ClickUntilAsync(page.Locator("#workbook-menu"), page.Locator(".mud-popover-open .mud-menu-item").First);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".mud-popover-open .mud-menu-item", new() { HasText = "Export mappings" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal((byte)'P', bytes[0]); // an xlsx is a zip archive
        Assert.Equal((byte)'K', bytes[1]);
        await page.Context.CloseAsync();
    }
}
