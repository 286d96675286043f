namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// One comparison of a match rule: an attribute (see <c>MatchAttributes</c>), normalised for its kind, compared with
/// <see cref="Comparator"/>. The similarity (0–1) falls into the first level whose threshold it reaches, and that
/// level's weight is added; below every level <see cref="MismatchWeight"/> is added; a missing value adds nothing.
/// </summary>
public sealed record MatchComparison
{
    public required string Attribute { get; init; }
    public ComparatorKind Comparator { get; init; } = ComparatorKind.Exact;
    public List<MatchLevel> Levels { get; init; } = [];
    public double MismatchWeight { get; init; }
}

/// <summary>A similarity at or above <see cref="Threshold"/> adds <see cref="Weight"/> (levels are tried highest first).</summary>
public sealed record MatchLevel(double Threshold, double Weight);
