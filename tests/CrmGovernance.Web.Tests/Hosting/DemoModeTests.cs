using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>Whether a portal offers its demo accounts, by environment, as its own appsettings files decide.</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task In_production_without_Demo_Enabled_no_demo_account_is_shown_or_seeded()
    {
        using var host = new PortalHost(demo: null, BehindProxy.Settings(), environment: "Production");
        using var client = BehindProxy.NewClient(host);

        var page = await client.GetStringAsync("Account/Login");

        Assert.DoesNotContain("Demo accounts", page, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-marker", page, StringComparison.Ordinal);
        foreach (var account in DemoAccounts.All)
        {
            Assert.DoesNotContain(account.Email, page, StringComparison.Ordinal);
        }
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Empty(users.Users.ToList());
    }

    [Fact]
    public async Task In_production_an_explicitly_enabled_demo_says_DEMO_on_every_page()
    {
        using var host = new PortalHost(demo: true, BehindProxy.Settings(), environment: "Production");
        using var client = BehindProxy.NewClient(host);

        foreach (var path in new[] { "Account/Login", "setup", "Account/AccessDenied", "no-such-page" })
        {
            using var response = await client.GetAsync(path);
            Assert.True((int)response.StatusCode < 500, $"/{path} answered {(int)response.StatusCode}.");
            var page = await response.Content.ReadAsStringAsync();
            Assert.True(page.Contains("id=\"demo-marker\"", StringComparison.Ordinal), $"No DEMO marker on /{path}.");
        }
    }

    [Fact]
    public async Task In_development_the_demo_is_on_by_default_as_the_README_run_shows_it()
    {
        using var host = new PortalHost(demo: null);
        using var client = host.NewClient();

        var page = await client.GetStringAsync("Account/Login");

        Assert.Contains("Demo accounts", page, StringComparison.Ordinal);
        Assert.Contains("id=\"demo-marker\"", page, StringComparison.Ordinal);
    }
}
