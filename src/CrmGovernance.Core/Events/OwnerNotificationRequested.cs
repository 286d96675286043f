namespace CrmGovernance.Core.Events;

/// <summary>
/// A business rule's "notify the owner" action fired for a record: the flow's owner (or the object's, when the flow has
/// none) is told through the same channels as incidents. Raised once per run and rule, with how many records asked.
/// </summary>
public sealed record OwnerNotificationRequested(
    Guid FlowId,
    string FlowName,
    string Owner,
    string RuleName,
    long? RunId,
    int Records,
    string? FirstRecordId) : OperationsEvent;
