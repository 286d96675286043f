namespace CrmGovernance.Core.Events;

/// <summary>Records (or unreadable payloads) entered the error queue; <see cref="FlowId"/> is null for an inbound payload no flow took.</summary>
public sealed record ErrorQueueItemsAdded(Guid? FlowId, int Count, long? RunId) : OperationsEvent;
