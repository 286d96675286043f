namespace CrmGovernance.Core.Events;

/// <summary>A duplicate scan ended: Completed, Cancelled or Failed.</summary>
public sealed record ScanFinished(long ScanId, string Status) : OperationsEvent;
