using System.Diagnostics;
using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using Xunit.Abstractions;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class RoleRevocationJourney(BrowserPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task A_role_removed_by_an_admin_leaves_an_open_session_within_60_seconds()
    {
        const string email = "revoked.auditor@example.com";
        const string password = "lantern orchard pelican sixty";
        await portal.CreateUserAsync(email, password, Roles.Auditor);

        // The auditor is signed in elsewhere, looking at the audit log.
        var auditorPage = await portal.NewPageAsync();
        await new SignInPage(auditorPage).SignInAsync(email, password);
        await auditorPage.GotoAsync("audit");
        await auditorPage.Locator("#chain-status").WaitForAsync();
        Assert.Contains("Audit log", await new PortalShell(auditorPage).MenuAsync());

        // An admin removes the Auditor role.
        var admin = DemoAccounts.All.Single(a => a.Role == Roles.Admin);
        var adminPage = await portal.NewPageAsync();
        await new SignInPage(adminPage).SignInAsync(admin.Email, admin.Password);
        var users = new UsersAdminPage(adminPage);
        await users.OpenAsync();
        await users.RemoveRoleAsync(email, Roles.Auditor);
        var removedAt = Stopwatch.StartNew();

        // Without any action of theirs, the auditor's open page loses the area.
        await auditorPage.Locator("#access-denied").WaitForAsync(new() { Timeout = 60_000 });
        output.WriteLine($"Open session lost the area {removedAt.Elapsed.TotalSeconds:F1} s after the role was removed.");
        Assert.True(removedAt.Elapsed < TimeSpan.FromSeconds(60));
        Assert.DoesNotContain("Audit log", await new PortalShell(auditorPage).MenuAsync());

        await auditorPage.Context.CloseAsync();
        await adminPage.Context.CloseAsync();
    }
}
