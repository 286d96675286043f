namespace CrmGovernance.Core.Events;

/// <summary>An audit export ended: Completed, Failed or Cancelled.</summary>
public sealed record ExportFinished(Guid ExportId, string Status) : OperationsEvent;
