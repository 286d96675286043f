namespace CrmGovernance.Core.Events;

/// <summary>One stored operations event: a row of the transactional outbox (table OperationsEvents).</summary>
public sealed class OutboxEvent
{
    /// <summary>Ascending, never reused (AUTOINCREMENT): subscribers' positions count on it.</summary>
    public long Sequence { get; set; }
    public string Kind { get; set; } = "";
    public string PayloadJson { get; set; } = "";
    public DateTime OccurredUtc { get; set; }

    /// <summary>Which process wrote it: machine/process id/program ("web-1/4711/crmgov").</summary>
    public string Origin { get; set; } = "";
}
