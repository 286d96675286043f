namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

/// <summary>
/// A pair to put before a steward: two records of one system's object that scored between the thresholds.
/// <see cref="LeftRecordId"/> is the newer (incoming) record, <see cref="RightRecordId"/> the existing one.
/// </summary>
public sealed record ReviewCandidate(Guid SystemId, Guid ObjectId, string LeftRecordId, string RightRecordId, double Score,
    IReadOnlyList<ComparisonExplanation> Explanations)
{
    public Guid? FlowId { get; init; }
    public long? RunId { get; init; }
    public long? ScanId { get; init; }
    /// <summary>For a held change: the field changes the run did not write (then <see cref="LeftRecordId"/> is the source record's id).</summary>
    public IReadOnlyList<ProposedFieldChange>? ProposedChanges { get; init; }
}
