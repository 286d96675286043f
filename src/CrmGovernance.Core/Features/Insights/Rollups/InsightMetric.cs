namespace CrmGovernance.Core.Features.Insights.Rollups;

/// <summary>The figures kept in <see cref="MetricBucket"/>s (sums; rates and percentiles are computed when read).</summary>
public static class InsightMetric
{
    // Runs (a flow's; dry runs are not counted), attributed to the hour the run started.
    public const string Runs = "runs";
    public const string RunsSucceeded = "runs.succeeded";
    public const string RunsWithErrors = "runs.with-errors";
    public const string RunsFailed = "runs.failed";
    public const string Scheduled = "runs.scheduled";
    public const string ScheduledOnTime = "runs.on-time";

    // Records, from the run's record outcomes.
    public const string Processed = "records.processed";
    public const string Created = "records.created";
    public const string Updated = "records.updated";
    public const string Unchanged = "records.unchanged";
    public const string Appended = "records.appended";
    public const string Queued = "records.queued";
    public const string Rejected = "records.rejected";
    public const string Failed = "records.failed";
    public const string DuplicatesPrevented = "records.duplicates-prevented";
    /// <summary>Dimension: the rejection reason (without the record's own values).</summary>
    public const string RejectionReason = "records.rejection-reason";
    public const string MandatoryExpected = "completeness.expected";
    public const string MandatoryFilled = "completeness.filled";

    // Lead response (form submission → record in the CRM), for flows that capture leads.
    public const string LeadCount = "lead.count";
    public const string LeadMilliseconds = "lead.ms";
    /// <summary>Dimension: the <see cref="Histogram"/> bucket.</summary>
    public const string LeadHistogram = "lead.histogram";

    // Manual handling.
    public const string ReviewEntered = "review.entered";
    public const string ErrorsEntered = "errors.entered";
    public const string StewardDecisions = "steward.decisions";
    public const string StewardSeconds = "steward.seconds";

    // Duplicate scans, attributed to the hour the scan finished.
    public const string Scans = "scans";
    public const string ScanRecords = "scans.records";
    public const string ScanDuplicates = "scans.duplicates";

    // Incidents: each figure in the hour it happened.
    public const string IncidentsOpened = "incidents.opened";
    public const string IncidentsAcknowledged = "incidents.acknowledged";
    public const string IncidentAckSeconds = "incidents.ack-seconds";
    public const string IncidentsResolved = "incidents.resolved";
    public const string IncidentResolveSeconds = "incidents.resolve-seconds";
    /// <summary>Dimension: the <see cref="Histogram"/> bucket of time to resolve.</summary>
    public const string IncidentResolveHistogram = "incidents.resolve-histogram";
    public const string IncidentBreaches = "incidents.breaches";
    public const string IncidentsExpired = "incidents.expired";
}
