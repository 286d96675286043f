namespace CrmGovernance.Core.Features.Matching;

/// <summary>A record normalised for a <see cref="MatchModel"/>: what scoring and blocking read.</summary>
public sealed class PreparedRecord
{
    public required string Id { get; init; }
}
