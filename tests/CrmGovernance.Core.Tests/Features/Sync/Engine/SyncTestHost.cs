using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>
/// The real Core host (database, scheduler, sync services) on temp files, with a configuration published as version 1.
/// The data folder holds the SQLite source and target databases the flows name.
/// </summary>
internal sealed class SyncTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly TestDatabase _database;

    private SyncTestHost(string folder, IHost host, TestDatabase database)
    {
        Folder = folder;
        _host = host;
        _database = database;
    }

    public string Folder { get; }
    /// <summary>The portal database (for a test's own statements, such as a trigger that refuses a write).</summary>
    public TestDatabase Database => _database;
    public IServiceProvider Services => _host.Services;
    public SyncRunner Runner => Services.GetRequiredService<SyncRunner>();

    public static async Task<SyncTestHost> StartAsync(GovernanceConfiguration configuration, IDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crm-sync-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Test" });
        var database = await TestDatabase.CreateAsync(Path.Combine(folder, "portal.db"));
        builder.Configuration.AddInMemoryCollection(database.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The systems' SQLite files (crm.db, source.db, …) are beside the portal database, in the connectors' root.
            ["Connectors:FileRoots:0"] = folder,
            ["Scheduler:DatabasePath"] = Path.Combine(folder, "scheduler.db"),
            ["Sync:Worker"] = "false",
            ["Sync:BatchSize"] = "100",
            [TestKeyEncryption.KeyFileSetting] = TestKeyEncryption.KeyFileIn(folder),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddCrmCore(builder.Configuration, folder, HostRole.Test);
        builder.Services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmDbContext>();
        var host = builder.Build();
        await host.StartAsync();
        var test = new SyncTestHost(folder, host, database);
        await test.PublishAsync(configuration);
        return test;
    }

    /// <summary>Publishes the configuration as the next version, as an approved change request would.</summary>
    public async Task PublishAsync(GovernanceConfiguration configuration)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var number = (await db.ConfigurationVersions.MaxAsync(v => (int?)v.Number) ?? 0) + 1;
        var version = new ConfigurationVersion
        {
            Number = number, PublishedUtc = DateTime.UtcNow, PublishedByName = "test", SnapshotJson = ConfigurationJson.Serialize(configuration),
            Hash = ConfigurationJson.Hash(configuration),
        };
        db.ConfigurationVersions.Add(version);
        await db.SaveChangesAsync();
        Services.GetRequiredService<PublishedConfiguration>().Publish(version);
    }

    public async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public string PathOf(string file) => Path.Combine(Folder, file);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool on its way out; the temp folder is cleaned by the OS.
        }
    }
}
