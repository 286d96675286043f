using CrmGovernance.Core.Features.Matching.ReviewQueue;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>A review item as the queue lists it; <see cref="Reason"/> names the comparisons that weighed most.</summary>
public sealed record ReviewQueueRow(
    long Id, Guid ObjectId, Guid SystemId, Guid? FlowId, long? ScanId, string LeftRecordId, string RightRecordId, double Score,
    ReviewStatus Status, string? AssignedTo, DateTime CreatedUtc, DateTime? DeferredUntilUtc, string? DecidedBy, DateTime? DecidedUtc,
    string Reason)
{
    public bool IsUndecided => ReviewPairs.IsUndecided(Status);

    /// <summary>What the steward knows the left (incoming) record by, e.g. "Jo Bloggs · jo@example.com"; null when unknown.</summary>
    public string? LeftName { get; init; }

    public string? RightName { get; init; }
}
