namespace CrmGovernance.Core.Events;

/// <summary>A running audit export wrote its progress (about once a second).</summary>
public sealed record ExportProgressed(Guid ExportId, long RowsWritten, long RowsTotal) : OperationsEvent;
