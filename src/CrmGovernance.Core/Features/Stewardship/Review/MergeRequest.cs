namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// A steward's merge of a review pair: the surviving record, and per field the record whose value survives (fields
/// not named keep the survivor's value). The values the steward saw, when given, must still be the records' values:
/// a record changed meanwhile is not merged on the strength of an outdated comparison.
/// </summary>
public sealed record MergeRequest(long ItemId, string SurvivorId, IReadOnlyDictionary<string, string> TakeFrom)
{
    public IReadOnlyDictionary<string, string?>? LeftSeen { get; init; }
    public IReadOnlyDictionary<string, string?>? RightSeen { get; init; }

    /// <summary>When the steward opened the pair on the comparison screen (steward time, <see cref="HandlingTime"/>); null for a bulk merge.</summary>
    public DateTime? OpenedUtc { get; init; }
}
