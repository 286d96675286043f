using CrmGovernance.Core.Features.Insights.Dashboard;

namespace CrmGovernance.Web.Features.Insights.Api;

// The JSON shapes of GET /api/insights/dashboard. Part of the API's contract: add fields, never rename or remove one.
// Days are yyyy-MM-dd (UTC days), times ISO 8601 in UTC ("…Z"). A figure with nothing to compute it from is null.

/// <summary>The dashboard for a filter: the period, its baseline, every figure, and the tables.</summary>
public sealed record InsightsDashboardResponse(DateOnly From, DateOnly To, Guid? ObjectId, Guid? FlowId, Guid? SystemId, InsightsBaselineItem Baseline,
    string Resolution, IReadOnlyList<InsightsCardItem> Cards, IReadOnlyList<InsightsFlowItem> Flows, IReadOnlyList<InsightsReasonItem> RejectionReasons,
    IReadOnlyList<InsightsDuplicatesItem> Duplicates, IReadOnlyList<InsightsVersionItem> Versions, int OpenIncidents, bool HasData)
{
    public static InsightsDashboardResponse Of(DashboardData d) => new(d.Filter.From, d.Filter.To, d.Filter.ObjectId, d.Filter.FlowId, d.Filter.SystemId,
        new InsightsBaselineItem(d.Baseline.From, d.Baseline.To, Camel(d.Baseline.Kind.ToString()), d.Baseline.Name),
        d.Resolution == Core.Features.Insights.Rollups.BucketSize.Hour ? "hour" : "day",
        [.. d.Cards.Select(c => new InsightsCardItem(c.Key, c.Title, c.Group, Unit(c.Unit), c.HigherIsBetter, c.Value, c.Baseline, c.Change, c.Improved, c.Note,
            [.. c.Trend.Select(p => new InsightsTrendPoint(Utc(p.StartUtc), p.Value))]))],
        [.. d.Flows.Select(f => new InsightsFlowItem(f.FlowId, f.Name, f.ObjectId, f.Runs, f.SuccessRate, f.RecordsProcessed, f.RecordsMoved, f.Freshness,
            f.Rejected, f.Failed, f.ManualPerThousand, f.Completeness, f.LeadResponseP50Seconds))],
        [.. d.Rejections.Select(r => new InsightsReasonItem(r.Reason, r.Count, r.BaselineCount))],
        [.. d.Duplicates.Select(x => new InsightsDuplicatesItem(x.ObjectId, x.Name, x.DuplicateRate, x.BaselineRate, x.Prevented, x.Scans))],
        [.. d.Versions.Select(v => new InsightsVersionItem(v.Number, Utc(v.PublishedUtc), v.PublishedBy, v.Title))],
        d.OpenIncidents, d.HasData);

    /// <summary>"count", "share" (0 to 1), "seconds" or "perThousand" (per 1,000 records processed).</summary>
    public static string Unit(MetricUnit unit) => unit switch
    {
        MetricUnit.Share => "share",
        MetricUnit.Seconds => "seconds",
        MetricUnit.PerThousand => "perThousand",
        _ => "count",
    };

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>Where the baseline came from: "named" (by a business owner), "chosen" (in the query) or "previousPeriod".</summary>
public sealed record InsightsBaselineItem(DateOnly From, DateOnly To, string Kind, string Name);

/// <summary>
/// One figure: its value over the period, the baseline's (counts scaled to the period's length), the change (value − baseline),
/// whether that change is an improvement, and the trend (one point per hour or day, by <c>resolution</c>).
/// </summary>
public sealed record InsightsCardItem(string Key, string Title, string Group, string Unit, bool HigherIsBetter, double? Value, double? Baseline,
    double? Change, bool? Improved, string? Note, IReadOnlyList<InsightsTrendPoint> Trend);

public sealed record InsightsTrendPoint(DateTime Start, double? Value);

public sealed record InsightsFlowItem(Guid FlowId, string Name, Guid ObjectId, double Runs, double? SuccessRate, double RecordsProcessed, double RecordsMoved,
    double? Freshness, double Rejected, double Failed, double? ManualPerThousand, double? Completeness, double? LeadResponseP50Seconds);

public sealed record InsightsReasonItem(string Reason, double Count, double? BaselineCount);

public sealed record InsightsDuplicatesItem(Guid ObjectId, string Name, double? DuplicateRate, double? BaselineRate, double Prevented, double Scans);

public sealed record InsightsVersionItem(int Number, DateTime PublishedUtc, string PublishedBy, string? Title);
