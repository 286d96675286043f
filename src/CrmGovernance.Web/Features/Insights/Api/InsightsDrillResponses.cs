using CrmGovernance.Core.Features.Insights.Drill;

namespace CrmGovernance.Web.Features.Insights.Api;

/// <summary>
/// GET /api/insights/drill/runs: one page of the runs behind a figure, and the totals over all of them (<c>counted</c>,
/// and <c>of</c> for a share), which equal the figure. <c>page</c> counts from 1.
/// </summary>
public sealed record InsightsDrillRunsPage(IReadOnlyList<InsightsDrillRun> Items, int Total, double Counted, double? Of, int Page, int PageSize)
{
    public static InsightsDrillRunsPage Map(DrillRuns runs, int page, int pageSize) => new(
        [.. runs.Items.Select(r => new InsightsDrillRun(r.RunId, r.FlowId, r.FlowName, InsightsDashboardResponse.Utc(r.StartedUtc), r.Status, r.Counted, r.Of))],
        runs.Total, runs.Counted, runs.Of, page, pageSize);
}

public sealed record InsightsDrillRun(long RunId, Guid FlowId, string FlowName, DateTime StartedUtc, string Status, double Counted, double? Of);

/// <summary>GET /api/insights/drill/records: one page of the records counted in a figure (of one run, or of all), newest first.</summary>
public sealed record InsightsDrillRecordsPage(IReadOnlyList<InsightsDrillRecord> Items, int Total, int Page, int PageSize);

/// <summary>A record counted; <c>seconds</c> is its lead response, for the lead response figures.</summary>
public sealed record InsightsDrillRecord(long OutcomeId, long RunId, string FlowName, string SourceId, string? TargetId, string Outcome, string? Reason,
    DateTime AtUtc, double? Seconds)
{
    public static InsightsDrillRecord Of(DrillRecord r) =>
        new(r.OutcomeId, r.RunId, r.FlowName, r.SourceId, r.TargetId, r.Outcome, r.Reason, InsightsDashboardResponse.Utc(r.AtUtc), r.Seconds);
}
