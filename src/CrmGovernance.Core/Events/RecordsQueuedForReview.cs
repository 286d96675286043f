namespace CrmGovernance.Core.Events;

/// <summary>New candidate pairs wait in the review queue for an object of a system (from a run, a scan, or neither).</summary>
public sealed record RecordsQueuedForReview(Guid SystemId, Guid ObjectId, int Count, long? RunId, long? ScanId) : OperationsEvent;
