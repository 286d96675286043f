using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class ThemeJourney(BrowserPortal portal)
{
    private const string Background = "getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()";

    [Fact]
    public async Task The_dark_theme_chosen_with_the_toggle_is_remembered_after_a_reload()
    {
        var manager = DemoAccounts.All.Single(a => a.Role == Roles.Manager);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(manager.Email, manager.Password);
        var light = await page.EvaluateAsync<string>(Background);

        // The toggle works once the circuit is up; retry the click until the palette changes.
        var dark = light;
        for (var attempt = 0; attempt < 20 && dark == light; attempt++)
        {
            await page.Locator("#theme-toggle").ClickAsync();
            await Task.Delay(500);
            dark = await page.EvaluateAsync<string>(Background);
        }
        Assert.NotEqual(light, dark);

        await page.ReloadAsync();
        await page.Locator("#main-nav").WaitForAsync();
        Assert.Equal(dark, await page.EvaluateAsync<string>(Background));
        await page.Context.CloseAsync();
    }
}
