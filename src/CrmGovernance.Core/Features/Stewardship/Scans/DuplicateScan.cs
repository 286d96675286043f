namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>A duplicate scan of one system's object: a background job that reads every record and clusters duplicates.</summary>
public sealed class DuplicateScan
{
    public long Id { get; set; }
    public Guid SystemId { get; set; }
    public Guid ObjectId { get; set; }
    public int ConfigurationVersion { get; set; }
    public ScanStatus Status { get; set; } = ScanStatus.Queued;
    public string RequestedBy { get; set; } = "";
    public DateTime RequestedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    /// <summary>The node that runs (or ran) it (Node:Name), and its latest sign of life while running (<see cref="Scheduling.RunningWork"/>).</summary>
    public string? Node { get; set; }
    public DateTime? HeartbeatUtc { get; set; }
    /// <summary>What it is doing now ("reading", "comparing", …) and how far (0–1).</summary>
    public string Phase { get; set; } = "";
    public double Progress { get; set; }
    public long RecordsRead { get; set; }
    public long CandidatePairs { get; set; }
    public long PairsFound { get; set; }
    public long Clusters { get; set; }
    public long DuplicateRecords { get; set; }
    public double DuplicateRate { get; set; }
    /// <summary>Review-band pairs sent to the review queue (none until someone feeds it).</summary>
    public long FedToReview { get; set; }
    public string? Error { get; set; }
}

public enum ScanStatus { Queued, Running, Completed, Failed, Cancelled }
