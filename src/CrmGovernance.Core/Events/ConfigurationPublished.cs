namespace CrmGovernance.Core.Events;

/// <summary>An approved change request published a new configuration version.</summary>
public sealed record ConfigurationPublished(int Version, Guid ChangeRequestId) : OperationsEvent;
