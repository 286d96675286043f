using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// Section "Scheduler:Cluster" (PostgreSQL only). A node that has not checked in for interval + threshold is declared
/// dead and its jobs are recovered by another node; the threshold must outlast the worst pause of a live node (a
/// database failover, a long garbage collection), or a live node's jobs are started a second time elsewhere.
/// </summary>
public sealed class SchedulerClusterOptions
{
    /// <summary>How often each node writes that it is alive.</summary>
    [Range(1, 600)]
    public int CheckinIntervalSeconds { get; set; } = 10;

    /// <summary>How long past a missed check-in the others wait before they recover its jobs.</summary>
    [Range(1, 3_600)]
    public int CheckinMisfireThresholdSeconds { get; set; } = 60;
}
