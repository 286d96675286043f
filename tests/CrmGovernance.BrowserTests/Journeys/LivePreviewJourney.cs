using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class LivePreviewJourney(BrowserPortal portal)
{
    [Fact]
    public async Task A_pasted_sample_is_mapped_as_typed_and_can_be_picked_again_later()
    {
        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(owner.Email, owner.Password);
        await page.GotoAsync($"flows/{DemoConfiguration.WebFormFlow}");
        var sample = page.Locator("#flow-sample");
        await sample.WaitForAsync();

        // Typing goes to the circuit only once it is up; retry until the preview follows.
        var preview = page.Locator("#flow-preview", new() { HasText = "jane.doe@example.com" });
        for (var attempt = 0; attempt < 20 && !await preview.IsVisibleAsync(); attempt++)
        {
            await sample.FillAsync("email:  Jane.Doe@Example.COM \nphone: 020 7946 0018\nsubmitted_at: 31/02/2026 10:00");
            await Task.Delay(500);
        }
        await preview.WaitForAsync();
        Assert.Contains("+442079460018", await page.Locator("#flow-preview").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#flow-preview [data-preview-error]", new() { HasText = "'31/02/2026 10:00' is not a date" }).WaitForAsync();
        await page.Locator("#flow-heading").ClickAsync(); // leave the box: the sample is remembered

        await page.ReloadAsync();
        await page.Locator("#pick-sample").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Jane.Doe@Example.COM" }).ClickAsync();
        await page.Locator("#flow-preview", new() { HasText = "jane.doe@example.com" }).WaitForAsync();
        await page.Context.CloseAsync();
    }
}
