namespace CrmGovernance.Core.Features.Matching;

/// <summary>A record to match: its id in its system and its values by attribute (see <see cref="MatchAttributes"/>), raw.</summary>
public sealed record MatchRecord(string Id, IReadOnlyDictionary<string, string?> Values);
