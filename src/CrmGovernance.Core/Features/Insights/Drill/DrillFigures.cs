using CrmGovernance.Core.Features.Insights.Dashboard;
using M = CrmGovernance.Core.Features.Insights.Rollups.InsightMetric;

namespace CrmGovernance.Core.Features.Insights.Drill;

/// <summary>
/// The figures a drill-down lists: the dashboard's cards, and the numbers of the flows table that no card shows (records
/// that failed; manual handling, which is review and error-queue items together per 1,000 records processed). These are
/// not cards: the dashboard shows them per flow only.
/// </summary>
public static class DrillFigures
{
    public const string RecordsFailed = "records-failed";
    public const string ManualPerThousand = "manual-per-1000";

    public static readonly IReadOnlyList<InsightCards.Definition> TableOnly =
    [
        new(RecordsFailed, "Failed records", "Sync", MetricUnit.Count, false, f => f[M.Failed]),
        new(ManualPerThousand, "Manual handling", "Manual handling", MetricUnit.PerThousand, false,
            f => f[M.Processed] > 0 ? (f[M.ReviewEntered] + f[M.ErrorsEntered]) / f[M.Processed] * 1000 : null),
    ];

    public static InsightCards.Definition? Find(string key) => InsightCards.Find(key) ?? TableOnly.FirstOrDefault(d => d.Key == key);
}
