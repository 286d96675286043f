using CrmGovernance.Core.Features.Insights.Comparison;

namespace CrmGovernance.Web.Features.Insights.Api;

/// <summary>
/// GET /api/insights/versions/{number}: the days before and after a configuration version for the flows it changed, beside
/// the flows it did not change (the control). Counts are per day; <c>effect</c> is the changed flows' change less the control's.
/// </summary>
public sealed record InsightsComparisonResponse(int Version, DateTime PublishedUtc, string PublishedBy, string? Title, int Days, int DaysAfter,
    DateTime BeforeFromUtc, DateTime AfterToUtc, IReadOnlyList<InsightsFlowRef> ChangedFlows, IReadOnlyList<InsightsFlowRef> ControlFlows,
    IReadOnlyList<InsightsComparisonRow> Rows)
{
    public static InsightsComparisonResponse Of(VersionComparison c) => new(c.Version, InsightsDashboardResponse.Utc(c.PublishedUtc), c.PublishedBy, c.Title,
        c.Days, c.DaysAfter, InsightsDashboardResponse.Utc(c.BeforeFromUtc), InsightsDashboardResponse.Utc(c.AfterToUtc),
        [.. c.ChangedFlows.Select(f => new InsightsFlowRef(f.Id, f.Name))], [.. c.ControlFlows.Select(f => new InsightsFlowRef(f.Id, f.Name))],
        [.. c.Rows.Select(r => new InsightsComparisonRow(r.Key, r.Title, InsightsDashboardResponse.Unit(r.Unit), r.HigherIsBetter,
            r.ChangedBefore, r.ChangedAfter, r.ControlBefore, r.ControlAfter, r.Effect))]);
}

public sealed record InsightsFlowRef(Guid Id, string Name);

public sealed record InsightsComparisonRow(string Key, string Title, string Unit, bool HigherIsBetter, double? ChangedBefore, double? ChangedAfter,
    double? ControlBefore, double? ControlAfter, double? Effect);
