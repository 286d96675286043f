using System.Net;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Hosting;

/// <summary>
/// The real portal on 127.0.0.1 with the demo on and production revalidation settings, plus Debian's Chromium
/// driven by Playwright. Shared by all journeys (see <see cref="BrowserJourneys"/>).
/// </summary>
public sealed class BrowserPortal : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmgov-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Demo:Enabled", "true");
        // The journeys share this portal: the demo's timed outages would make them depend on when they run.
        builder.UseSetting("Demo:Outages", "false");
        // Nor the generated history: the journeys count runs and versions from a demo without a past.
        builder.UseSetting("Demo:History", "false");
        builder.UseSetting("Database:Path", Path.Combine(_folder, "crmgovernance.db"));
        builder.UseSetting("Scheduler:DatabasePath", Path.Combine(_folder, "scheduler.db"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Logs:Path", Path.Combine(_folder, "logs", "portal-.log"));
    }

    /// <summary>A fresh browser context (its own cookies) with a page on the portal.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Creates a user through the admin service, as an admin would.</summary>
    public async Task CreateUserAsync(string email, string password, params string[] roles)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("browser-tests", "browser-tests", [Roles.Admin], AuditSources.Ui);
        var result = await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateAsync(new NewUser
        {
            Email = email, DisplayName = email.Split('@')[0], Password = password, Roles = [.. roles],
        });
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be closing; the temp folder is cleaned by the OS.
        }
    }
}
