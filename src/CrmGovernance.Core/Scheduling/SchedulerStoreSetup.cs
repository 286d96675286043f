using CrmGovernance.Core.Data;
using Npgsql;
using Quartz;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// Quartz's persistent store for a <see cref="SchedulerStore"/>. On PostgreSQL the nodes form a cluster: trigger
/// acquisition under the database lock (no two nodes take one fire, quartz.jobStore.acquireTriggersWithinLock), a
/// generated instance id per process, and a check-in threshold generous enough that a short database stall does not get
/// a live node's jobs recovered elsewhere. The flow lease, not Quartz, is what guarantees one run per flow.
/// </summary>
public static class SchedulerStoreSetup
{
    /// <summary>The scheduler's name, the same on every node: Quartz's rows are keyed by it (SCHED_NAME).</summary>
    public const string InstanceName = "CrmGovernance";

    public static void Configure(IPersistentStoreBuilder store, SchedulerStore where, SchedulerClusterOptions cluster)
    {
        if (where.Provider == DatabaseProvider.Postgres)
        {
            store.UsePostgres(NpgsqlFactory.Instance, EndsStalledTransactions(where.ConnectionString, cluster));
            store.ConfigureStore(o =>
            {
                o.TablePrefix = where.TablePrefix;
                o.AcquireTriggersWithinLock = true;
            });
            store.UseClustering(c =>
            {
                c.CheckinInterval = TimeSpan.FromSeconds(cluster.CheckinIntervalSeconds);
                c.CheckinMisfireThreshold = TimeSpan.FromSeconds(cluster.CheckinMisfireThresholdSeconds);
            });
        }
        else
        {
            store.UseSqlite(where.ConnectionString);
        }
        store.UseSystemTextJsonSerializer(_ => { });
        store.ProvisionSchema();
    }

    /// <summary>
    /// Quartz takes its cluster-wide locks as row locks (SELECT … FOR UPDATE on qrtz_locks) inside short transactions.
    /// A node frozen inside one (a paused VM, SIGSTOP, a swap storm) keeps its connection open and the row locked, and
    /// every other node waits on it: no fire anywhere, and the frozen node is never declared dead. The server ends a
    /// session of Quartz's connections that stays idle inside a transaction past the check-in threshold, the time after
    /// which the cluster counts a silent node as dead anyway; Quartz's own statements never wait that long between them.
    /// </summary>
    internal static string EndsStalledTransactions(string connectionString, SchedulerClusterOptions cluster)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var timeout = $"-c idle_in_transaction_session_timeout={cluster.CheckinMisfireThresholdSeconds * 1000}";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? timeout : $"{builder.Options} {timeout}";
        return builder.ConnectionString;
    }
}
