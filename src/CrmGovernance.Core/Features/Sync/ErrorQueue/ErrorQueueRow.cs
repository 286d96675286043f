namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>
/// An error-queue item as the list shows it: everything but the payload, and the record's name read from it
/// (<see cref="Matching.RecordLabel"/>; null when the payload names no person or company, or is not a record).
/// </summary>
public sealed record ErrorQueueRow(
    long Id, ErrorKind Kind, ErrorStatus Status, Guid? FlowId, string SystemKey, string ObjectKey, long? RunId, string? SourceId,
    string Reason, int Attempts, DateTime CreatedUtc, DateTime? LastAttemptUtc, string? RecordName = null);
