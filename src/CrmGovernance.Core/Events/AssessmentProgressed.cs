namespace CrmGovernance.Core.Events;

/// <summary>A running data-quality assessment wrote its progress (about once a second).</summary>
public sealed record AssessmentProgressed(long AssessmentId, long RecordsRead, double Fraction) : OperationsEvent;
