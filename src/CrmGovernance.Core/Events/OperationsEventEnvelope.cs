namespace CrmGovernance.Core.Events;

/// <summary>An event as a subscriber receives it: with its outbox sequence (for idempotence), when and where it was raised.</summary>
public sealed record OperationsEventEnvelope(long Sequence, DateTime OccurredUtc, string Origin, OperationsEvent Event);
