namespace CrmGovernance.Core.Hosting.Telemetry;

/// <summary>The queue gauges, each with its one label (docs/telemetry.md).</summary>
public enum QueueGauge
{
    /// <summary><c>crmgov.error_queue.open</c> by kind.</summary>
    ErrorQueueOpen,

    /// <summary><c>crmgov.review_queue.pending</c> by kind (duplicate, held_change).</summary>
    ReviewQueuePending,

    /// <summary><c>crmgov.inbox.backlog</c> by flow: accepted webhook payloads its runs have not read yet.</summary>
    InboxBacklog,

    /// <summary><c>crmgov.operations_events.lag</c> by subscriber: outbox events it has not handled yet.</summary>
    OperationsEventsLag,
}
