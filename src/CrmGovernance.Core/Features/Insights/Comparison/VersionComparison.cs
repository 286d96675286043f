using CrmGovernance.Core.Features.Insights.Dashboard;

namespace CrmGovernance.Core.Features.Insights.Comparison;

/// <summary>
/// The N days before and after a configuration version, for the flows it changed and, beside them, the flows it did not
/// change (the control): a figure that moved for both moved for another reason. Counts are per day, because the days after
/// a recent version are fewer than the days before it; until a full day has passed (<see cref="CountsAfterPending"/>) they are not shown.
/// </summary>
public sealed record VersionComparison(int Version, DateTime PublishedUtc, string PublishedBy, string? Title, int Days, int DaysAfter,
    IReadOnlyList<FlowRef> ChangedFlows, IReadOnlyList<FlowRef> ControlFlows, IReadOnlyList<ComparisonRow> Rows, bool CountsAfterPending = false)
{
    public DateTime BeforeFromUtc => PublishedUtc.AddDays(-Days);

    public DateTime AfterToUtc => PublishedUtc.AddDays(DaysAfter);
}

public sealed record FlowRef(Guid Id, string Name);

/// <summary>
/// One figure before and after, for the changed flows and the control. <see cref="Effect"/> is the changed flows' change
/// less the control's (difference in differences); null when a side has no data.
/// </summary>
public sealed record ComparisonRow(string Key, string Title, MetricUnit Unit, bool HigherIsBetter,
    double? ChangedBefore, double? ChangedAfter, double? ControlBefore, double? ControlAfter)
{
    public double? Effect => ChangedBefore is { } cb && ChangedAfter is { } ca
        ? (ca - cb) - (ControlBefore is { } kb && ControlAfter is { } ka ? ka - kb : 0)
        : null;
}
