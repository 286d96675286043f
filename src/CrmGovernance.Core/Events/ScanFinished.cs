namespace CrmGovernance.Core.Events;

/// <summary>A duplicate scan ended: Completed, Failed, or Cancelled (by someone, or while it waited).</summary>
public sealed record ScanFinished(long ScanId, string Status) : OperationsEvent;
