namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>The first- and last-name similarities of one pair after pairing the names (straight or swapped), worked out once.</summary>
internal readonly struct NamePairing((double? First, double? Last) similarities)
{
    public bool Done { get; } = true;
    public double? First { get; } = similarities.First;
    public double? Last { get; } = similarities.Last;
}
