namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

/// <summary>How a pair of record ids is stored when its order does not matter: the ordinally smaller id first.</summary>
internal static class ReviewPairs
{
    public static (string Left, string Right) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    /// <summary>Statuses that still wait for a decision (a deferred item waits again once its date has passed).</summary>
    public static bool IsUndecided(ReviewStatus status) => status is ReviewStatus.Open or ReviewStatus.Deferred or ReviewStatus.Unmerged;
}
