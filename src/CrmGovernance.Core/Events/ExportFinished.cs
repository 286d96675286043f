namespace CrmGovernance.Core.Events;

/// <summary>An audit export ended: Completed or Failed.</summary>
public sealed record ExportFinished(Guid ExportId, string Status) : OperationsEvent;
