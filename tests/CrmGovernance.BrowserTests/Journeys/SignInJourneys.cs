using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class SignInJourneys(BrowserPortal portal)
{
    public static TheoryData<string, string[]> MenusByRole => new()
    {
        { Roles.Admin, ["Home", "Journeys", "Objects & sources of truth", "Systems", "Flows", "Change requests", "Versions", "Ownership", "Incident policy", "Runs", "Error queue", "Review queue", "Duplicate scans", "Incidents", "Dashboard", "Data quality", "Field rationalisation", "Audit log", "Exports", "Users & roles", "Inbound API keys", "Notification webhooks"] },
        { Roles.BusinessOwner, ["Home", "Journeys", "Objects & sources of truth", "Systems", "Flows", "Change requests", "Versions", "Ownership", "Incident policy", "Runs", "Error queue", "Incidents", "Dashboard", "Data quality", "Field rationalisation"] },
        { Roles.Steward, ["Home", "Ownership", "Runs", "Error queue", "Review queue", "Duplicate scans", "Incidents", "Data quality", "Field rationalisation"] },
        { Roles.Manager, ["Home", "Ownership", "Runs", "Error queue", "Review queue", "Duplicate scans", "Incidents", "Dashboard", "Data quality", "Field rationalisation"] },
        { Roles.Auditor, ["Home", "Journeys", "Objects & sources of truth", "Systems", "Flows", "Change requests", "Versions", "Ownership", "Incident policy", "Incidents", "Audit log", "Exports"] },
    };

    [Theory]
    [MemberData(nameof(MenusByRole))]
    public async Task Each_demo_role_signs_in_and_sees_its_menu(string role, string[] expected)
    {
        var account = DemoAccounts.All.Single(a => a.Role == role);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(account.Email, account.Password);

        Assert.Equal(expected, await new PortalShell(page).MenuAsync());
        Assert.Contains(account.Email, await page.Locator("#account-menu").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_marks_the_demo_accounts_as_such()
    {
        var page = await portal.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        Assert.Contains("Demo accounts", await page.Locator(".demo-accounts").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
