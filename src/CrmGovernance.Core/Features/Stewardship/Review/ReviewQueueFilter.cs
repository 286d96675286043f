namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// Filters and order of the review queue; null means "any". <see cref="Assignee"/> is a user name, or
/// <see cref="Unassigned"/> or <see cref="Mine"/>. <see cref="MinAgeDays"/> keeps items waiting at least that long.
/// </summary>
public sealed record ReviewQueueFilter
{
    public const string Unassigned = "unassigned";
    public const string Mine = "mine";

    public static readonly ReviewQueueFilter Default = new();

    public ReviewView View { get; init; } = ReviewView.Waiting;
    public Guid? ObjectId { get; init; }
    public Guid? FlowId { get; init; }
    public Guid? SystemId { get; init; }
    public double? MinScore { get; init; }
    public double? MaxScore { get; init; }
    public int? MinAgeDays { get; init; }
    public string? Assignee { get; init; }
    public ReviewSort Sort { get; init; } = ReviewSort.HighestScore;
}

/// <summary>
/// Which items a list shows: those waiting for a decision (open, unmerged, and deferred ones whose date has passed),
/// those still deferred, merged, not duplicates, or all.
/// </summary>
public enum ReviewView { Waiting, Deferred, Merged, NotDuplicate, All }

public enum ReviewSort { HighestScore, LowestScore, Oldest, Newest }
