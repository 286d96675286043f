using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Pages;

/// <summary>Admin → Users &amp; roles.</summary>
public sealed class UsersAdminPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("admin/users");
        // Rows come from the server once the circuit is up, so a visible row means the page is interactive.
        await page.Locator("[data-user]").First.WaitForAsync();
    }

    public async Task RemoveRoleAsync(string email, string role)
    {
        var row = page.Locator("tr", new() { Has = page.Locator($"[data-user='{email}']") });
        await row.Locator($"[data-role-chip='{role}'] .mud-chip-close-button").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await page.Locator(".mud-snackbar", new() { HasText = "no longer has the role" }).WaitForAsync();
    }
}
