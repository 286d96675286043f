namespace CrmGovernance.Core.Features.Matching;

/// <summary>The score of one pair: the summed weight, the match probability it gives, the decision, and why (per comparison).</summary>
public sealed record MatchScore(double Weight, double Probability, MatchDecision Decision, IReadOnlyList<ComparisonExplanation> Explanations);

/// <summary>
/// One comparison's part in a score: the normalised values compared, the similarity (null when a value is missing),
/// the level reached (e.g. "exact", "≥ 0.92", "mismatch", "missing") and the weight it added.
/// </summary>
public sealed record ComparisonExplanation(string Attribute, string Comparator, string? Left, string? Right, double? Similarity, string Level, double Weight);
