namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// How long a steward had a review item open on the comparison screen before deciding it: the insights' steward time
/// (<c>ReviewItem.HandlingSeconds</c>).
/// </summary>
public static class HandlingTime
{
    /// <summary>A screen left open over lunch is not half an hour of work: longer counts as this.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromMinutes(30);

    /// <returns>Seconds from <paramref name="openedUtc"/> to the decision, at most <see cref="Cap"/>; null when not known (a bulk decision).</returns>
    public static double? Seconds(DateTime? openedUtc, DateTime decidedUtc) =>
        openedUtc is { } opened ? Math.Round(Math.Clamp((decidedUtc - opened).TotalSeconds, 0, Cap.TotalSeconds), 1) : null;
}
