using System.Net;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Hosting;

/// <summary>
/// The real portal on Kestrel at 127.0.0.1 (random port), in this process, as the web tests host it: a temp data
/// folder, the demo off, logging at Warning (so figures, not log lines, reach the console) and the given settings.
/// It runs as Production (as deployed: no scope validation, exception handler page) unless told otherwise.
/// </summary>
public sealed class BenchmarkPortal : WebApplicationFactory<global::Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmgov-bench-" + Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _environment;

    public BenchmarkPortal(IReadOnlyDictionary<string, string>? settings = null, string environment = "Production")
    {
        _settings = settings ?? new Dictionary<string, string>();
        _environment = environment;
        Directory.CreateDirectory(_folder);
        // WebApplicationFactory finds the portal's content root through MvcTestingAppManifest.json in the current
        // directory, which is the output folder under dotnet test but not under dotnet run.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }

    /// <summary>Publishes <paramref name="configuration"/> as version 1 (the portal starts with nothing published when the demo is off).</summary>
    public Task PublishAsync(GovernanceConfiguration configuration) =>
        AsAsync(ActorContext.System("benchmark"), async services =>
            await services.GetRequiredService<ConfigurationSeeder>().SeedIfEmptyAsync(configuration));

    /// <summary>Runs <paramref name="work"/> in a scope of its own, as an admin (services check the actor's roles).</summary>
    public Task<T> AsAdminAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var admin = new ActorContext();
        admin.SetUser("benchmark", "benchmark", [Roles.Admin], AuditSources.Ui);
        return AsAsync(admin, work);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Database:Path", Path.Combine(_folder, "crmgovernance.db"));
        builder.UseSetting("Scheduler:DatabasePath", Path.Combine(_folder, "scheduler.db"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Logs:Path", Path.Combine(_folder, "logs", "portal-.log"));
        builder.UseSetting(BenchmarkKeyEncryption.KeyFileSetting, BenchmarkKeyEncryption.KeyFileIn(_folder));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
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

    private async Task<T> AsAsync<T>(ActorContext actor, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        actor.CopyTo(scope.ServiceProvider.GetRequiredService<ActorContext>());
        return await work(scope.ServiceProvider);
    }
}
