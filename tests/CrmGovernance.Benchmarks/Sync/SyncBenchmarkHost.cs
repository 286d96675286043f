using CrmGovernance.Benchmarks.Hosting;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Benchmarks.Sync;

/// <summary>
/// The Core services on a generic host, as the command line runs them: a temp data folder (portal database, scheduler,
/// the flows' SQLite source and CRMs), the demo off, no flow scheduling, framework logging at Warning. The given settings
/// come last: the portal database on PostgreSQL (<see cref="BenchmarkDatabase"/>), a node's role and name. A second node
/// shares the first one's folder (the connectors' files and the key-encryption key, as nodes share a data folder).
/// </summary>
internal sealed class SyncBenchmarkHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _ownsFolder;

    private SyncBenchmarkHost(string folder, IHost host, bool ownsFolder)
    {
        Folder = folder;
        _host = host;
        _ownsFolder = ownsFolder;
    }

    public string Folder { get; }
    public IServiceProvider Services => _host.Services;

    /// <param name="telemetry">Metrics and traces on, as a portal exporting to a collector has them: the OpenTelemetry SDK
    /// aggregates every instrument and samples every span for OTLP (to 127.0.0.1:4317, where nothing need listen: export
    /// happens off the measured path, every few seconds).</param>
    /// <param name="settings">Added last (they win).</param>
    /// <param name="sharing">Another node whose folder this one uses; null: a folder of this host's own, deleted on disposal.</param>
    public static async Task<SyncBenchmarkHost> StartAsync(GovernanceConfiguration configuration, bool telemetry,
        IReadOnlyDictionary<string, string> settings, SyncBenchmarkHost? sharing, CancellationToken cancellationToken)
    {
        var folder = sharing?.Folder ?? Path.Combine(Path.GetTempPath(), "crmgov-bench-sync-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var initial = new ConfigurationManager();
        // No appsettings watcher: it would wake up for every write to the databases in this folder (about a tenth of the CPU).
        initial.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Configuration = initial, ContentRootPath = folder, EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Database:Path"] = Path.Combine(folder, "portal.db"),
            ["Scheduler:DatabasePath"] = Path.Combine(folder, "scheduler.db"),
            ["Connectors:FileRoots:0"] = folder,
            ["Sync:Worker"] = "false",
            [BenchmarkKeyEncryption.KeyFileSetting] = BenchmarkKeyEncryption.KeyFileIn(folder),
        });
        if (telemetry)
        {
            builder.Configuration.AddInMemoryCollection([new("Telemetry:Otlp:Endpoint", "http://127.0.0.1:4317")]);
        }
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // "No user exists yet" and Data Protection's key notices: true, and beside the point here.
        builder.Logging.AddFilter("CrmGovernance.Core.Features.FirstRun", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddCrmCore(builder.Configuration, folder, HostRole.Test);
        builder.Services.AddIdentityCore<ApplicationUser>(o => PasswordPolicyValidator.Configure(o.Password)).AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmDbContext>();
        var host = builder.Build();
        var bench = new SyncBenchmarkHost(folder, host, ownsFolder: sharing is null);
        try
        {
            await host.StartAsync(cancellationToken);
            // A second node finds the configuration its first node published.
            await using var scope = bench.SystemScope();
            await scope.ServiceProvider.GetRequiredService<ConfigurationSeeder>().SeedIfEmptyAsync(configuration, cancellationToken);
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
        return bench;
    }

    public string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>A scope acting as the system, as the worker does.</summary>
    public AsyncServiceScope SystemScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("benchmark", null);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        if (!_ownsFolder)
        {
            return;
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the temp folder is cleaned by the OS.
        }
    }
}
