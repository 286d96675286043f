namespace CrmGovernance.Core.Features.Matching;

/// <summary>Two records of one system that scored at or above the review threshold; <see cref="LeftId"/> sorts first (ordinal).</summary>
public sealed record ScoredPair(string LeftId, string RightId, double Probability, MatchDecision Decision);
