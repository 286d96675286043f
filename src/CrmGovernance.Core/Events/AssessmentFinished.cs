namespace CrmGovernance.Core.Events;

/// <summary>A data-quality assessment ended: Completed, Failed, or Cancelled.</summary>
public sealed record AssessmentFinished(long AssessmentId, Guid SystemId, Guid ObjectId, string Status) : OperationsEvent;
