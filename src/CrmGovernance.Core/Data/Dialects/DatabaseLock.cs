namespace CrmGovernance.Core.Data.Dialects;

/// <summary>
/// State that several processes on one database must change one at a time (ADR 0019). On PostgreSQL each is an advisory
/// lock held until the transaction ends; on SQLite the database takes one writer at a time and the in-process gates
/// stay the guard (one portal process per file).
/// </summary>
public enum DatabaseLock
{
    /// <summary>Reading the audit chain's head and appending after it.</summary>
    AuditChain = 1,

    /// <summary>Numbering and publishing a configuration version.</summary>
    Publishing = 2,

    /// <summary>Removing, disabling or demoting an administrator while at least one must remain.</summary>
    LastAdmin = 3,

    /// <summary>The change-control gate: one change request moves through review at a time.</summary>
    ChangeControl = 4,

    /// <summary>The incident recorder folding an occurrence into an open incident of the same key.</summary>
    IncidentFold = 5,

    /// <summary>The insights roll-up writer adding a source unit's difference to the buckets.</summary>
    InsightsRollup = 6,

    /// <summary>The first-run setup creating the first administrator.</summary>
    FirstRun = 7,

    /// <summary>Merging or unmerging records from the review queue.</summary>
    Merge = 8,

    /// <summary>
    /// Taken by the insert trigger of OperationsEvents on PostgreSQL (migration Initial, <c>pg_advisory_xact_lock(1128726537, 0)</c>):
    /// events commit in the order of their sequence numbers.
    /// </summary>
    OperationsOutbox = 9,

    /// <summary>Delivering operations events to a subscriber shared by every node (keyed by its name): one node at a time.</summary>
    EventSubscriber = 10,

    /// <summary>Taken by the insert trigger of InboxItems on PostgreSQL (<c>pg_advisory_xact_lock(1128726539, 0)</c>): inbox ids commit in order.</summary>
    InboxOrder = 11,

    /// <summary>Creating the migration history and migrating: nodes starting together take turns.</summary>
    Migrations = 12,
}
