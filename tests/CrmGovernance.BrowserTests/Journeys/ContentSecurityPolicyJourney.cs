using System.Collections.Concurrent;
using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Journeys;

/// <summary>The portal works under its own Content-Security-Policy: nothing it needs is blocked.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class ContentSecurityPolicyJourney(BrowserPortal portal)
{
    private static readonly string[] SignedInPages = ["", "journeys", "objects", "systems", "flows", "change-requests", "versions",
        "runs", "error-queue", "review-queue", "duplicate-scans", "audit", "audit/exports", "admin/users", "admin/inbound-keys", "Account/Manage"];

    [Fact]
    public async Task An_admin_signs_in_with_the_demo_button_and_opens_every_area_without_a_policy_violation()
    {
        var admin = DemoAccounts.All.Single(a => a.Role == Roles.Admin);
        var page = await portal.NewPageAsync();
        var violations = new ConcurrentQueue<string>();
        // Each new document reports violations to the console, where the test collects them.
        await page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal))
            {
                violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };

        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        Assert.True(await page.Locator("#demo-marker").IsVisibleAsync(), "No DEMO marker on the sign-in page.");
        await page.Locator($"button[data-demo-role='{Roles.Admin}']").ClickAsync();
        Assert.Equal(admin.Email, await page.Locator("[id='Input.Email']").InputValueAsync());
        await page.Locator("#sign-in").ClickAsync();
        await page.Locator("#main-nav").WaitForAsync();

        foreach (var path in SignedInPages)
        {
            await page.GotoAsync(path);
            await page.Locator("#main-nav").WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        Assert.True(violations.IsEmpty, string.Join(Environment.NewLine, violations));
        await page.Context.CloseAsync();
    }
}
