namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// One measured look at the data of a system's object (a background job): its figures per field are
/// <see cref="AssessmentField"/> rows, its scores per dimension are null where the dimension was not measured.
/// </summary>
public sealed class Assessment
{
    public long Id { get; set; }
    public Guid SystemId { get; set; }
    public Guid ObjectId { get; set; }
    public int ConfigurationVersion { get; set; }
    public AssessmentStatus Status { get; set; } = AssessmentStatus.Queued;
    public string RequestedBy { get; set; } = "";
    public DateTime RequestedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    /// <summary>The node that runs (or ran) it, and its latest sign of life while running.</summary>
    public string? Node { get; set; }
    public DateTime? HeartbeatUtc { get; set; }
    public string Phase { get; set; } = "";
    public double Progress { get; set; }
    public long RecordsRead { get; set; }

    /// <summary>The region phones and postcodes are checked for (ISO 3166 code).</summary>
    public string Region { get; set; } = "GB";

    /// <summary>Records not updated for this many months are stale.</summary>
    public int StaleMonths { get; set; } = 24;

    /// <summary>Records whose system said when they were updated (null: none did, freshness not measured), and the stale ones.</summary>
    public long? RecordsWithUpdateTime { get; set; }
    public long StaleRecords { get; set; }
    public string StaleExamplesJson { get; set; } = "[]";

    /// <summary>The duplicate scan the uniqueness came from (the latest completed one of this system's object), if any.</summary>
    public long? DuplicateScanId { get; set; }
    public double? DuplicateRate { get; set; }

    public double? Completeness { get; set; }
    public double? Validity { get; set; }
    public double? Uniqueness { get; set; }
    public double? Freshness { get; set; }
    public string? Error { get; set; }

    public QualityScores Scores => new(Completeness, Validity, Uniqueness, Freshness);
}

public enum AssessmentStatus { Queued, Running, Completed, Failed, Cancelled }
