using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>
/// Worker-only nodes of the built portal, each a process of its own with its own data folder, on one throwaway PostgreSQL
/// database with a <see cref="FailoverScenario"/> published as configuration version 1. The nodes share only what
/// nodes on several machines would: the database, the key-encryption and audit-chain keys, and the systems' files.
/// Cluster check-in and flow lease are short, so a dead node is taken over in seconds.
/// </summary>
internal sealed class WorkerCluster : IAsyncDisposable
{
    public const int CheckinIntervalSeconds = 1;

    /// <summary>The tests that start worker clusters run one after another: each times stalls and takeovers in seconds.</summary>
    public const string Collection = "Worker clusters";

    private readonly string _folder;
    private readonly TestDatabase _database;
    private readonly DbContextOptions<CrmDbContext> _options;
    private readonly List<WorkerNodeProcess> _nodes = [];
    private readonly ITestOutputHelper _output;

    private WorkerCluster(ITestOutputHelper output, string folder, TestDatabase database, FailoverScenario scenario)
    {
        _output = output;
        _folder = folder;
        _database = database;
        Scenario = scenario;
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        PortalDialects.Postgres.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = database.ConnectionString }, folder);
        _options = builder.Options;
    }

    /// <summary>Far above what any step needs (seconds); only a hung node should meet it, on a loaded two-core machine too.</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(90);

    public FailoverScenario Scenario { get; }
    public int CheckinMisfireThresholdSeconds { get; private init; }
    public IReadOnlyList<WorkerNodeProcess> Nodes => _nodes;

    /// <summary>The database (always PostgreSQL: Quartz clusters only there), the systems' files and the published flows.</summary>
    /// <param name="checkinMisfireThresholdSeconds">How long past a missed check-in a node is declared dead (Scheduler:Cluster).</param>
    public static async Task<WorkerCluster> CreateAsync(ITestOutputHelper output, IReadOnlyList<(string Name, string Cron)> flows, int checkinMisfireThresholdSeconds = 4)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crmgov-cluster-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "systems"));
        await File.WriteAllTextAsync(Path.Combine(folder, "kek.key"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await File.WriteAllTextAsync(Path.Combine(folder, "audit-chain.key"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var database = await TestDatabase.CreateAsync(Path.Combine(folder, "unused.db"), DatabaseProvider.Postgres);
        var cluster = new WorkerCluster(output, folder, database, new FailoverScenario(Path.Combine(folder, "systems"), flows))
        {
            CheckinMisfireThresholdSeconds = checkinMisfireThresholdSeconds,
        };
        foreach (var flow in cluster.Scenario.Flows)
        {
            await ScenarioTables.CreateAsync(flow);
        }
        await using var db = cluster.Db();
        var configuration = cluster.Scenario.Configuration();
        db.ConfigurationVersions.Add(new ConfigurationVersion
        {
            Number = 1, PublishedUtc = DateTime.UtcNow, PublishedByName = "failover test",
            SnapshotJson = ConfigurationJson.Serialize(configuration), Hash = ConfigurationJson.Hash(configuration),
        });
        await db.SaveChangesAsync();
        return cluster;
    }

    /// <summary>Starts worker nodes all at once and waits until each runs.</summary>
    public async Task StartAsync(params string[] names)
    {
        var clock = Stopwatch.StartNew();
        var started = names.Select(Start).ToList();
        await Task.WhenAll(started.Select(n => n.StartedAsync(Patience)));
        _output.WriteLine($"{string.Join(" and ", names)} started in {clock.Elapsed.TotalSeconds:N1} s");
    }

    /// <summary>Once the flow's run has recorded a batch: the node whose run holds the flow's lease.</summary>
    public async Task<WorkerNodeProcess> HolderOnceRecordedAsync(ScenarioFlow flow)
    {
        await WaitAsync(async () => await QueryAsync(db => db.FlowCursors.AnyAsync(c => c.FlowId == flow.Id && c.Cursor != null && c.LeaseHolder != null)),
            $"the first run of {flow.Name} to record a batch");
        // The holder is "machine:process id:run".
        var holder = await QueryAsync(db => db.FlowCursors.Where(c => c.FlowId == flow.Id).Select(c => c.LeaseHolder).SingleAsync());
        return _nodes.Single(n => holder!.Split(':')[1] == n.ProcessId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Polls until <paramref name="until"/> holds; fails with every node's log past <see cref="Patience"/> or when a node exits unasked.</summary>
    public async Task WaitAsync(Func<Task<bool>> until, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await until())
        {
            if (clock.Elapsed > Patience || _nodes.Any(n => n.HasExited && !n.Killed))
            {
                _output.WriteLine(Logs());
                Assert.Fail($"Waited {clock.Elapsed.TotalSeconds:N0} s for {what}. The nodes' logs are in the test output.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Runs the assertions; when one fails, every node's log goes to the test output.</summary>
    public async Task WithLogsOnFailureAsync(Func<Task> assertions)
    {
        try
        {
            await assertions();
        }
        catch
        {
            _output.WriteLine(Logs());
            throw;
        }
    }

    public CrmDbContext Db() => new(_options);

    public async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        await using var db = Db();
        return await query(db);
    }

    /// <summary>
    /// The flows' triggers in Quartz's shared store: the due time of the last fire taken, the next one, and how many of
    /// its fires are executing on some node.
    /// </summary>
    public async Task<Dictionary<Guid, FlowTrigger>> TriggersAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT t.trigger_name, t.prev_fire_time, t.next_fire_time,
                (SELECT count(*) FROM scheduler.qrtz_fired_triggers f
                 WHERE f.sched_name = t.sched_name AND f.trigger_name = t.trigger_name AND f.trigger_group = t.trigger_group)
            FROM scheduler.qrtz_triggers t WHERE t.trigger_group = 'sync'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var triggers = new Dictionary<Guid, FlowTrigger>();
        while (await reader.ReadAsync())
        {
            // Quartz keeps times as UTC ticks; no fire yet is -1.
            DateTime? Time(int i) => reader.GetInt64(i) is > 0 and var ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;
            triggers[Guid.Parse(reader.GetString(0))] = new FlowTrigger(Time(1), Time(2), (int)reader.GetInt64(3));
        }
        return triggers;
    }

    /// <summary>Every node's console log, for failure messages.</summary>
    public string Logs() => string.Join("\n", _nodes.Select(n => $"----- node {n.Name} (pid {n.ProcessId}{(n.HasExited ? ", exited" : "")}) -----\n{n.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still closing; the temp folder is cleaned by the OS.
        }
    }

    private WorkerNodeProcess Start(string name)
    {
        var data = Path.Combine(_folder, name);
        var node = WorkerNodeProcess.Start(name, new Dictionary<string, string>
        {
            ["Node:Role"] = "Worker", ["Node:Name"] = name,
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = _database.ConnectionString,
            // The node's own data folder (the folder of Database:Path) and logs, as on a machine of its own.
            ["Database:Path"] = Path.Combine(data, "data", "crmgovernance.db"),
            ["Logs:Path"] = Path.Combine(data, "logs", "node-.log"),
            ["AuditChain:WitnessPath"] = Path.Combine(data, "witness", "audit-checkpoints.jsonl"),
            ["DataProtection:KeyEncryption:KeyFile"] = Path.Combine(_folder, "kek.key"),
            ["AuditChain:KeyFile"] = Path.Combine(_folder, "audit-chain.key"),
            ["Connectors:FileRoots:0"] = Scenario.SystemsFolder,
            ["Scheduler:Cluster:CheckinIntervalSeconds"] = $"{CheckinIntervalSeconds}",
            ["Scheduler:Cluster:CheckinMisfireThresholdSeconds"] = $"{CheckinMisfireThresholdSeconds}",
            ["Scheduler:IdleWaitSeconds"] = "1",
            ["Sync:LeaseSeconds"] = "30", ["Sync:LeaseSkewSeconds"] = "2", ["Sync:BatchSize"] = "200",
            // Polls that found nothing new are logged at Debug: the test counts them as fires that ran.
            ["Serilog:MinimumLevel:Override:CrmGovernance.Core.Features.Sync.Engine.SyncExecutor"] = "Debug",
        });
        _nodes.Add(node);
        return node;
    }
}
