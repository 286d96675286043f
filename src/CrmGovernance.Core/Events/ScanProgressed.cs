namespace CrmGovernance.Core.Events;

/// <summary>A running duplicate scan wrote its progress (about once a second).</summary>
public sealed record ScanProgressed(long ScanId, string Phase, double Fraction) : OperationsEvent;
