namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>How a merge or unmerge went: done (with the merge's id), or why not, in words the steward can act on.</summary>
public sealed record ReviewOutcome(string? Error, long? MergeId = null)
{
    public static readonly ReviewOutcome Ok = new((string?)null);

    public bool Succeeded => Error is null;

    public static ReviewOutcome Done(long mergeId) => new(null, mergeId);

    public static ReviewOutcome Fail(string error) => new(error);
}
