using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class LockoutJourney(BrowserPortal portal)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_with_a_clear_message()
    {
        const string email = "lockout.subject@example.com";
        const string password = "harbor velvet compass ninety";
        await portal.CreateUserAsync(email, password, Roles.Manager);
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await signIn.OpenAsync();
            await signIn.SubmitAsync(email, "wrong password number " + attempt);
            Assert.Contains("email or password is not correct", await signIn.Error.InnerTextAsync(), StringComparison.Ordinal);
        }

        await signIn.OpenAsync();
        await signIn.SubmitAsync(email, "wrong password number 5");
        await page.WaitForURLAsync("**/Account/Lockout");
        Assert.Contains("locked", await page.Locator("#lockout-message").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        // Even the right password is refused while the lockout lasts.
        await signIn.OpenAsync();
        await signIn.SubmitAsync(email, password);
        await page.WaitForURLAsync("**/Account/Lockout");
        await page.Context.CloseAsync();
    }
}
