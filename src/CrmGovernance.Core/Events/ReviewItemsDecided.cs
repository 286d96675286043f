namespace CrmGovernance.Core.Events;

/// <summary>A steward decided review items of an object of a system (merge, not a duplicate, a held change applied or dismissed).</summary>
public sealed record ReviewItemsDecided(Guid SystemId, Guid ObjectId, int Count) : OperationsEvent;
