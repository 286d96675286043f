namespace CrmGovernance.Core.Features.Matching;

/// <summary>An existing record that may be the same as an incoming one, with its score.</summary>
public sealed record MatchCandidate(string Id, MatchScore Score);
