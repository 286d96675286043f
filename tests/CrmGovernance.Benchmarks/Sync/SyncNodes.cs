using CrmGovernance.Benchmarks.Hosting;
using CrmGovernance.Core.Data;
using Npgsql;

namespace CrmGovernance.Benchmarks.Sync;

/// <summary>
/// The hosts that run the measured flows. On PostgreSQL each flow gets a worker node of its own: a host with
/// <c>Node:Role = Worker</c>, its own <c>Node:Name</c> and its own connection pool (the node's name as Npgsql's
/// Application Name, so pg_stat_activity tells them apart), every node on the one database, each with its own
/// clustered scheduler, leases, locks and caches. On SQLite one node runs every flow: one portal process per file.
/// The nodes share a process, so they share its cores and garbage collector, as two nodes on one machine share it.
/// </summary>
internal sealed class SyncNodes : IAsyncDisposable
{
    private readonly List<SyncBenchmarkHost> _hosts = [];
    private readonly List<string> _names = [];

    private SyncNodes()
    {
    }

    /// <summary>The first node: it owns the temp folder; the phase breakdown runs on it.</summary>
    public SyncBenchmarkHost First => _hosts[0];

    public int Count => _hosts.Count;

    /// <summary>The node that runs measured flow <paramref name="flow"/> (1-based).</summary>
    public SyncBenchmarkHost For(int flow) => _hosts[Index(flow)];

    public string NameFor(int flow) => _names[Index(flow)];

    public static async Task<SyncNodes> StartAsync(BenchmarkDatabase database, int flows, bool telemetry, CancellationToken cancellationToken)
    {
        var configuration = SyncBenchmarkConfiguration.Build(flows);
        var count = database.Provider == DatabaseProvider.Postgres ? flows : 1;
        var nodes = new SyncNodes();
        try
        {
            // One after the other: the first migrates the database and publishes the configuration; the others find both.
            for (var n = 1; n <= count; n++)
            {
                var name = count == 1 ? "bench" : $"bench-worker-{n}";
                var settings = new Dictionary<string, string>(database.Settings);
                if (count > 1)
                {
                    settings["Node:Role"] = "Worker";
                    settings["Node:Name"] = name;
                }
                var connection = $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}";
                if (settings.TryGetValue(connection, out var connectionString))
                {
                    settings[connection] = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }.ConnectionString;
                }
                nodes._hosts.Add(await SyncBenchmarkHost.StartAsync(configuration, telemetry, settings, n == 1 ? null : nodes._hosts[0], cancellationToken));
                nodes._names.Add(name);
            }
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
        return nodes;
    }

    public async ValueTask DisposeAsync()
    {
        // The first node last: it deletes the folder the others use.
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].DisposeAsync();
        }
    }

    private int Index(int flow) => Math.Min(flow, _hosts.Count) - 1;
}
