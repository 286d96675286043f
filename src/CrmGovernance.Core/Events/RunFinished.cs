namespace CrmGovernance.Core.Events;

/// <summary>A run ended with its status (Succeeded, CompletedWithErrors, Failed, …) and its counts.</summary>
public sealed record RunFinished(long RunId, Guid FlowId, string Status, bool DryRun, int Read, int Created, int Updated, int Queued, int Rejected, int Failed)
    : OperationsEvent;
