namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

/// <summary>
/// "Not a duplicate", remembered: this pair of records of one system's object is never suggested again.
/// <see cref="LeftRecordId"/> sorts before <see cref="RightRecordId"/> (ordinal), so a pair has one row.
/// </summary>
public sealed class MatchExclusion
{
    public Guid SystemId { get; set; }
    public Guid ObjectId { get; set; }
    public string LeftRecordId { get; set; } = "";
    public string RightRecordId { get; set; } = "";
    public long? ReviewItemId { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTime DecidedUtc { get; set; }
}
