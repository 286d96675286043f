using M = CrmGovernance.Core.Features.Insights.Rollups.InsightMetric;

namespace CrmGovernance.Core.Features.Insights.Dashboard;

/// <summary>The dashboard's figures: how each is computed from summed buckets, read and judged.</summary>
public static class InsightCards
{
    public const string DuplicateRate = "duplicate-rate";
    public const string DuplicatesPrevented = "duplicates-prevented";
    public const string LeadResponseP50 = "lead-response-p50";
    public const string LeadResponseP90 = "lead-response-p90";
    public const string ReviewPerThousand = "review-per-1000";
    public const string ErrorsPerThousand = "errors-per-1000";
    public const string StewardTime = "steward-time";
    public const string SuccessRate = "success-rate";
    public const string RecordsMoved = "records-moved";
    public const string Freshness = "freshness";
    public const string Rejections = "rejections";
    public const string Completeness = "completeness";
    public const string IncidentsOpened = "incidents-opened";
    public const string Mtta = "incidents-mtta";
    public const string Mttr = "incidents-mttr";
    public const string SlaBreaches = "incidents-sla-breaches";
    public const string ExpiredShare = "incidents-expired-share";

    public sealed record Definition(string Key, string Title, string Group, MetricUnit Unit, bool HigherIsBetter, Func<FigureSet, double?> Compute);

    public static readonly IReadOnlyList<Definition> All =
    [
        new(DuplicateRate, "Duplicate rate", "Duplicates", MetricUnit.Share, false, f => f.Ratio(M.ScanDuplicates, M.ScanRecords)),
        new(DuplicatesPrevented, "Duplicates prevented", "Duplicates", MetricUnit.Count, true, f => f[M.DuplicatesPrevented]),
        new(LeadResponseP50, "Lead response p50", "Lead response", MetricUnit.Seconds, false, f => f.Percentile(M.LeadHistogram, 0.5)),
        new(LeadResponseP90, "Lead response p90", "Lead response", MetricUnit.Seconds, false, f => f.Percentile(M.LeadHistogram, 0.9)),
        new(ReviewPerThousand, "Into the review queue", "Manual handling", MetricUnit.PerThousand, false, f => f.Ratio(M.ReviewEntered, M.Processed, 1000)),
        new(ErrorsPerThousand, "Into the error queue", "Manual handling", MetricUnit.PerThousand, false, f => f.Ratio(M.ErrorsEntered, M.Processed, 1000)),
        new(StewardTime, "Steward time", "Manual handling", MetricUnit.Seconds, false, f => f[M.StewardSeconds]),
        new(SuccessRate, "Sync success", "Sync", MetricUnit.Share, true, f => f.Ratio(M.RunsSucceeded, M.Runs)),
        new(RecordsMoved, "Records moved", "Sync", MetricUnit.Count, true, f => f[M.Created] + f[M.Updated] + f[M.Appended]),
        new(Freshness, "Runs on time", "Sync", MetricUnit.Share, true, f => f.Ratio(M.ScheduledOnTime, M.Scheduled)),
        new(Rejections, "Rejected records", "Workflow errors", MetricUnit.Count, false, f => f[M.Rejected]),
        new(Completeness, "Mandatory fields filled", "Data completeness", MetricUnit.Share, true, f => f.Ratio(M.MandatoryFilled, M.MandatoryExpected)),
        new(IncidentsOpened, "Incidents opened", "Incidents", MetricUnit.Count, false, f => f[M.IncidentsOpened]),
        new(Mtta, "Mean time to acknowledge", "Incidents", MetricUnit.Seconds, false, f => f.Ratio(M.IncidentAckSeconds, M.IncidentsAcknowledged)),
        new(Mttr, "Mean time to resolve", "Incidents", MetricUnit.Seconds, false, f => f.Ratio(M.IncidentResolveSeconds, M.IncidentsResolved)),
        new(SlaBreaches, "SLA breaches", "Incidents", MetricUnit.Count, false, f => f[M.IncidentBreaches]),
        new(ExpiredShare, "Ended by expiry", "Incidents", MetricUnit.Share, false, f => f.Ratio(M.IncidentsExpired, M.IncidentsResolved)),
    ];

    public static Definition? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}
