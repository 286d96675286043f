using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using CrmGovernance.Core.Tests;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>
/// The real portal on Kestrel at 127.0.0.1 (random port), with its own data folder; in Development with the demo users
/// unless told otherwise (<c>demo: null</c> leaves Demo:Enabled to the environment's appsettings).
/// </summary>
public sealed class PortalHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmgov-web-" + Guid.NewGuid().ToString("N"));
    private readonly bool? _demo;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _environment;
    private readonly TestDatabase _database;

    public PortalHost(bool? demo = true, IReadOnlyDictionary<string, string>? settings = null, string environment = "Development")
    {
        _demo = demo;
        _settings = settings ?? new Dictionary<string, string>();
        _environment = environment;
        Directory.CreateDirectory(_folder);
        // The engine of the run (CRMGOV_TEST_PROVIDER): a SQLite file in the folder, or a PostgreSQL database of its own.
        _database = TestDatabase.CreateAsync(Path.Combine(_folder, "crmgovernance.db")).GetAwaiter().GetResult();
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }

    /// <summary>The settings that point a second host (another node) at this host's database and scheduler store.</summary>
    public Dictionary<string, string> SharedStoreSettings()
    {
        var configuration = Services.GetRequiredService<IConfiguration>();
        return new[] { "Database:Provider", "Database:ConnectionString", "Database:Path", "Scheduler:DatabasePath" }
            .Where(key => !string.IsNullOrEmpty(configuration[key]))
            .ToDictionary(key => key, key => configuration[key]!);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        if (_demo is { } demo)
        {
            builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        }
        foreach (var (key, value) in _database.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Scheduler:DatabasePath", Path.Combine(_folder, "scheduler.db"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Logs:Path", Path.Combine(_folder, "logs", "portal-.log"));
        builder.UseSetting("Security:RevalidationSeconds", "5");
        // The live demo's timed outages would make a test's outcome depend on how long its host has run; a test that
        // wants them turns them on with its settings.
        builder.UseSetting("Demo:Outages", "false");
        // The demo's generated history (ten weeks of runs, configuration version 2 at go-live) would take seconds from
        // every start and change what the tests count; a test that wants it turns it on with its settings.
        builder.UseSetting("Demo:History", "false");
        if (_environment != "Development")
        {
            // Outside Development the portal starts only with a key-encryption key, made as an operator would.
            var kek = Path.Combine(_folder, "kek.key");
            if (!File.Exists(kek))
            {
                File.WriteAllText(kek, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            }
            builder.UseSetting("DataProtection:KeyEncryption:KeyFile", kek);
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client with its own cookies that does not follow redirects, so tests see them.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
    {
        BaseAddress = BaseAddress,
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
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
