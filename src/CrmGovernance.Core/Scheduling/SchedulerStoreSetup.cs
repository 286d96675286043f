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
            store.UsePostgres(NpgsqlFactory.Instance, where.ConnectionString);
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
}
