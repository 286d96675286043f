using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Hosting;

/// <summary>Section "Node": this process's part among several sharing one database.</summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    /// <summary>All (default), Portal or Worker.</summary>
    public NodeRole Role { get; set; } = NodeRole.All;

    /// <summary>How logs and leases name this process; empty means machine name and process id.</summary>
    [MaxLength(100)]
    public string Name { get; set; } = "";

    /// <summary>
    /// Seconds without a heartbeat after which a running duplicate scan or audit export counts as cut off: the node running
    /// it died, and the other nodes fail it (<see cref="Scheduling.RunningWork"/>). A live node renews it every second.
    /// </summary>
    [Range(10, 3_600)]
    public int HeartbeatStaleSeconds { get; set; } = 120;

    /// <summary>The configured name, or machine:pid.</summary>
    public string EffectiveName => Name.Length > 0 ? Name : $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Whether this node runs the scheduler, the flow worker and the background queues.</summary>
    public bool RunsWorker => Role != NodeRole.Portal;

    /// <summary>Whether this node serves the UI and the API.</summary>
    public bool ServesPortal => Role != NodeRole.Worker;
}
