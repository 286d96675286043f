using CrmGovernance.Core.Features.Insights.Rollups;

namespace CrmGovernance.Core.Features.Insights.Dashboard;

/// <summary>Everything the dashboard shows for one filter, computed from the roll-ups (never from the record ledger).</summary>
public sealed record DashboardData(
    InsightsFilter Filter,
    BaselinePeriod Baseline,
    BucketSize Resolution,
    IReadOnlyList<InsightCard> Cards,
    IReadOnlyList<VersionMark> Versions,
    IReadOnlyList<FlowFigures> Flows,
    IReadOnlyList<ReasonFigure> Rejections,
    IReadOnlyList<ObjectDuplicates> Duplicates,
    int OpenIncidents,
    bool HasData)
{
    public InsightCard? Card(string key) => Cards.FirstOrDefault(c => c.Key == key);
}

/// <summary>Where the baseline came from: named by a business owner for the object or flow, chosen in the filter, or the period just before.</summary>
public enum BaselineKind { Named, Chosen, PreviousPeriod }

public sealed record BaselinePeriod(DateOnly From, DateOnly To, BaselineKind Kind, string Name)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>How a figure reads: a count, a share (0–1), a duration in seconds, or a count per 1,000 records processed.</summary>
public enum MetricUnit { Count, Share, Seconds, PerThousand }

/// <summary>
/// One figure: its value over the period, the baseline's (counts scaled to the period's length, so a 30-day period
/// compares with a 28-day baseline fairly), and the trend per bucket. <see cref="Key"/> is an <see cref="InsightCards"/> key,
/// which the drill-down and the API take too.
/// </summary>
public sealed record InsightCard(string Key, string Title, string Group, MetricUnit Unit, bool HigherIsBetter, double? Value, double? Baseline,
    IReadOnlyList<TrendPoint> Trend, string? Note)
{
    /// <summary>Value − baseline; null when either is missing.</summary>
    public double? Change => Value is { } v && Baseline is { } b ? v - b : null;

    /// <summary>True when the change goes the good way, false the bad way, null when flat or unknown.</summary>
    public bool? Improved => Change is { } c && Math.Abs(c) > 1e-9 ? (c > 0) == HigherIsBetter : null;
}

public sealed record TrendPoint(DateTime StartUtc, double? Value);

/// <summary>A configuration version published in the period, marked on every chart.</summary>
public sealed record VersionMark(int Number, DateTime PublishedUtc, string PublishedBy, string? Title);

/// <summary>A flow's figures over the period (rates null when there is nothing to divide by).</summary>
public sealed record FlowFigures(Guid FlowId, string Name, Guid ObjectId, double Runs, double? SuccessRate, double RecordsProcessed, double RecordsMoved,
    double? Freshness, double Rejected, double Failed, double? ManualPerThousand, double? Completeness, double? LeadResponseP50Seconds);

/// <summary>A rejection reason: how often in the period and in the baseline (scaled to the period's length).</summary>
public sealed record ReasonFigure(string Reason, double Count, double? BaselineCount);

/// <summary>An object's duplicate rate from the scans that finished in the period, and the duplicates the worker prevented.</summary>
public sealed record ObjectDuplicates(Guid ObjectId, string Name, double? DuplicateRate, double? BaselineRate, double Prevented, double Scans);
