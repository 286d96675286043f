using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Pages;

/// <summary>The sign-in form (static server rendering, plain form post).</summary>
public sealed class SignInPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("Account/Login");

    public async Task SubmitAsync(string email, string password)
    {
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task SignInAsync(string email, string password)
    {
        await OpenAsync();
        await SubmitAsync(email, password);
        await page.Locator("#main-nav").WaitForAsync();
    }

    public ILocator Error => page.Locator("[role='alert']");
}
