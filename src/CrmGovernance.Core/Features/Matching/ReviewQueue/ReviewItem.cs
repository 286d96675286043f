namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

/// <summary>
/// A candidate duplicate between the match thresholds: two records of one system's object, waiting for a steward's
/// decision. Found by the worker (an incoming record against the target) or by a duplicate scan.
/// </summary>
public sealed class ReviewItem
{
    public long Id { get; set; }
    public Guid ObjectId { get; set; }
    public Guid SystemId { get; set; }
    /// <summary>The flow whose run found the pair; null for a duplicate scan.</summary>
    public Guid? FlowId { get; set; }
    public long? RunId { get; set; }
    public long? ScanId { get; set; }
    /// <summary>The newer record (the incoming one, for the worker); <see cref="RightRecordId"/> the existing one.</summary>
    public string LeftRecordId { get; set; } = "";
    public string RightRecordId { get; set; } = "";
    public double Score { get; set; }
    /// <summary>The per-comparison explanation of <see cref="Score"/> (JSON array of ComparisonExplanation).</summary>
    public string ExplanationJson { get; set; } = "[]";
    public ReviewStatus Status { get; set; } = ReviewStatus.Open;
    public string? AssignedTo { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? DeferredUntilUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>How long the steward who decided had it open (capped), when the decision came from the comparison screen.</summary>
    public double? HandlingSeconds { get; set; }
    /// <summary>The merge that settled it, while it stands.</summary>
    public long? MergeId { get; set; }
    /// <summary>
    /// Set for a held change, not a duplicate pair: the field changes (JSON array of ProposedFieldChange) a record matched by
    /// the match rule brought and the run did not write. <see cref="LeftRecordId"/> is then the source record's id.
    /// </summary>
    public string? ProposedChangesJson { get; set; }

    public bool IsHeldChange => ProposedChangesJson is not null;
}

/// <summary>
/// Open (waiting), Deferred (set aside for later), Merged, NotDuplicate (remembered), Unmerged (a merge undone); for a held
/// change, ChangeApplied (the proposed values written) or ChangeDismissed (the existing values kept).
/// </summary>
public enum ReviewStatus { Open, Deferred, Merged, NotDuplicate, Unmerged, ChangeApplied, ChangeDismissed }
