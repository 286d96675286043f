using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Pages;

/// <summary>The live demo's contact form (/demo/form, static server rendering) and the outcome page its confirmation links to.</summary>
public sealed class DemoWebsiteForm(IPage page)
{
    public async Task SendAsync(string first, string last, string email, string message)
    {
        await page.GotoAsync("demo/form");
        await page.Locator("[id='Input.FirstName']").FillAsync(first);
        await page.Locator("[id='Input.LastName']").FillAsync(last);
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Message']").FillAsync(message);
        await page.Locator("#demo-send").ClickAsync();
        await page.Locator("#demo-received").WaitForAsync();
    }

    /// <summary>Follows the confirmation's link and waits (the page follows the run) until the record has an outcome.</summary>
    public async Task FollowAsync()
    {
        await page.Locator("#demo-follow").ClickAsync();
        await page.Locator("#inbox-heading").WaitForAsync();
        await page.Locator("#inbox-outcome").WaitForAsync(new() { Timeout = 90_000 });
    }

    public Task<string?> OutcomeAsync() => page.Locator("#inbox-outcome").GetAttributeAsync("data-outcome");

    public Task<string> ReasonAsync() => page.Locator("#inbox-outcome-reason").InnerTextAsync();

    /// <summary>A field's value after the run, as the record values table shows it.</summary>
    public Task<string> AfterAsync(string field) => page.Locator($"[data-record-values] tr[data-field='{field}'] td").Nth(2).InnerTextAsync();
}
