namespace CrmGovernance.Core.Hosting;

/// <summary>
/// What one portal process does when several share a database (<c>Node:Role</c>). The same build runs every role; the
/// role only decides which background parts start (docs/operations.md, "Running several nodes").
/// </summary>
public enum NodeRole
{
    /// <summary>The UI and API, the scheduler, the flow worker and the background queues: one machine does everything.</summary>
    All,

    /// <summary>The UI and API only: no scheduler, no flow runs on a schedule, no duplicate scans or audit exports.</summary>
    Portal,

    /// <summary>The scheduler, the flow worker and the background queues, with no UI: only the health endpoints answer.</summary>
    Worker,
}
