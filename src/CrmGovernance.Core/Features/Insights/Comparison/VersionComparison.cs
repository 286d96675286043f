using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;

namespace CrmGovernance.Core.Features.Insights.Comparison;

/// <summary>
/// The N days before and after a configuration version, for the flows it changed and, beside them, the flows it did not
/// change (the control): a figure that moved for both moved for another reason. Counts are per day, because the days after
/// a recent version are fewer than the days before it; until a full day has passed (<see cref="CountsAfterPending"/>) they are not shown.
/// </summary>
public sealed record VersionComparison(int Version, DateTime PublishedUtc, string PublishedBy, string? Title, int Days, int DaysAfter,
    IReadOnlyList<FlowRef> ChangedFlows, IReadOnlyList<FlowRef> ControlFlows, IReadOnlyList<ComparisonRow> Rows, DrillWindow BeforeWindow,
    DrillWindow AfterWindow, bool CountsAfterPending = false)
{
    public DateTime BeforeFromUtc => PublishedUtc.AddDays(-Days);

    public DateTime AfterToUtc => PublishedUtc.AddDays(DaysAfter);

    /// <summary>
    /// What one cell of the table counts: the figure over the side's window (split at the publish hour) and flows. A count
    /// per day is the drill's total over the side's days (<see cref="Days"/> before; the days passed so far after).
    /// Null for a side with no flows, whose cells show nothing.
    /// </summary>
    public DrillQuery? Drill(string card, bool changedFlows, bool after)
    {
        var flows = changedFlows ? ChangedFlows : ControlFlows;
        if (flows.Count == 0)
        {
            return null;
        }
        var window = after ? AfterWindow : BeforeWindow;
        // The filter's days cover the window, for the pages that show a period; the window decides what is counted.
        var days = new InsightsFilter(DateOnly.FromDateTime(window.FromUtc), DateOnly.FromDateTime(window.ToUtc.AddTicks(-1)));
        return new DrillQuery(card, days, Window: window, Flows: new DrillFlows(flows.Select(f => f.Id)));
    }
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
