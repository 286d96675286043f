namespace CrmGovernance.Core.Features.Insights.Drill;

/// <summary>
/// One unit a figure that runs do not make counted: a review item that entered the queue, a steward's decision, an
/// error-queue item, a duplicate scan, an incident. <see cref="Counted"/> is what it added to the figure (1, seconds, duplicate
/// records) and <see cref="Of"/> what it added to the figure's denominator, where the figure is a share or a mean.
/// </summary>
public sealed record DrillItem(DrillSource Source, long Id, string Title, string Subject, DateTime AtUtc, string Status, double Counted, double? Of,
    Guid? FlowId = null, string? SourceId = null);

/// <summary>
/// The units behind a number, one page of them, and the totals over all of them: <see cref="Counted"/> (over <see cref="Of"/>
/// for a share or a mean, per 1,000 of <see cref="Processed"/> records for the queue figures) is the card's figure.
/// </summary>
public sealed record DrillItems(IReadOnlyList<DrillItem> Items, int Total, double Counted, double? Of, double? Processed)
{
    /// <summary>The card's figure from these totals; null where the card shows none (nothing to divide by).</summary>
    public double? Figure => Processed is { } processed ? (processed > 0 ? Counted / processed * 1000 : null)
        : Of is { } of ? (of > 0 ? Counted / of : null)
        : Counted;
}
