using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Benchmarks.Hosting;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Tests.Features.Audit;
using CrmGovernance.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Benchmarks.Audit;

/// <summary>
/// The Core services over a migrated portal database, wired by <c>AddCrmCore</c> as the portal and the CLI wire them,
/// but not started (no scheduler, no background jobs: only the code under measurement touches the database).
/// A temp folder unless <c>--database</c> names a file to keep and reuse between runs.
/// </summary>
internal sealed class AuditBenchmarkHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _temporaryFolder;

    private AuditBenchmarkHost(IHost host, string databasePath, string? temporaryFolder)
    {
        _host = host;
        DatabasePath = databasePath;
        _temporaryFolder = temporaryFolder;
    }

    public string DatabasePath { get; }
    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <param name="databasePath">Null for a fresh database in a temp folder deleted afterwards.</param>
    public static async Task<AuditBenchmarkHost> StartAsync(string? databasePath, CancellationToken cancellationToken)
    {
        string? temporary = null;
        if (databasePath is null)
        {
            temporary = Path.Combine(Path.GetTempPath(), "crmgov-bench-audit-" + Guid.NewGuid().ToString("N"));
            databasePath = Path.Combine(temporary, "portal.db");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        Directory.CreateDirectory(folder);
        var initial = new ConfigurationManager();
        initial.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Configuration = initial, ContentRootPath = folder, EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Database:Path"] = Path.GetFullPath(databasePath),
            ["Scheduler:DatabasePath"] = Path.Combine(folder, "scheduler.db"),
            ["Sync:Worker"] = "false",
            [BenchmarkKeyEncryption.KeyFileSetting] = BenchmarkKeyEncryption.KeyFileIn(folder),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCrmCore(builder.Configuration, folder, HostRole.Test);
        builder.Services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmDbContext>();
        var host = builder.Build();
        var bench = new AuditBenchmarkHost(host, Path.GetFullPath(databasePath), temporary);
        await using var scope = bench.Scope(a => a.SetSystem("benchmark", null));
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database.MigrateAsync(cancellationToken);
        return bench;
    }

    public AsyncServiceScope Scope(Action<ActorContext> actAs)
    {
        var scope = _host.Services.CreateAsyncScope();
        actAs(scope.ServiceProvider.GetRequiredService<ActorContext>());
        return scope;
    }

    /// <summary>An auditor working in the portal.</summary>
    public AsyncServiceScope AuditorScope() => Scope(a => a.SetUser("bench-auditor", "auditor@example.com", [Roles.Auditor], AuditSources.Ui));

    public async Task<long> AuditRowsAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Sequence), 0) FROM AuditEntries";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Tops the log up to <paramref name="rows"/> audit rows made by <paramref name="make"/> (not timed), and says how long it took.</summary>
    public async Task SeedAsync(long rows, Func<long, AuditEntry> make)
    {
        var existing = await AuditRowsAsync();
        if (existing >= rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeding skipped: {DatabasePath} already holds {existing:N0} rows"));
            return;
        }
        var clock = Stopwatch.StartNew();
        await AuditRowSeeder.AppendAsync(ConnectionString, _host.Services.GetRequiredService<AuditChainKey>(), rows - existing, i => make(existing + i));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeding (not measured): {rows - existing:N0} rows in {clock.Elapsed.TotalSeconds:F1} s, database {DatabaseMegabytes():F0} MB"));
    }

    public double DatabaseMegabytes() =>
        new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length) / 1024.0 / 1024.0;

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        if (_temporaryFolder is not null)
        {
            await Task.Run(() => Directory.Delete(_temporaryFolder, recursive: true));
        }
    }
}
