using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>A pair a scan scored at or above the review threshold, and the cluster it belongs to (auto-matches only).</summary>
public sealed class DuplicateScanPair
{
    public long Id { get; set; }
    public long ScanId { get; set; }
    public string LeftRecordId { get; set; } = "";
    public string RightRecordId { get; set; } = "";
    public double Score { get; set; }
    public MatchDecision Decision { get; set; }
    /// <summary>1-based cluster number for an auto-match; null for a review-band pair.</summary>
    public int? Cluster { get; set; }
}
