namespace CrmGovernance.Core.Features.Insights.Drill;

/// <summary>
/// A card's number broken down: what to list, and in which period and subjects. A number that is not over whole UTC days
/// and one flow (the version comparison's sides, split at the publish hour over a set of flows) names its
/// <see cref="Window"/>, which replaces the filter's days, and its <see cref="Flows"/>, which narrow the filter's subjects.
/// </summary>
public sealed record DrillQuery(string Card, Dashboard.InsightsFilter Filter, string? Reason = null, DrillWindow? Window = null, DrillFlows? Flows = null)
{
    public DateTime FromUtc => Window?.FromUtc ?? Filter.FromUtc;

    public DateTime ToUtc => Window?.ToUtc ?? Filter.ToUtc;

    /// <summary>A clear message for a query that cannot be listed; null when it can.</summary>
    public string? Problem() => Filter.Problem() ?? Window?.Problem() ?? Flows?.Problem();
}

/// <summary>An hour-precise period, <see cref="FromUtc"/> included, <see cref="ToUtc"/> excluded: the buckets are hourly, so whole hours only.</summary>
public sealed record DrillWindow(DateTime FromUtc, DateTime ToUtc)
{
    public string? Problem()
    {
        if (FromUtc.Kind != DateTimeKind.Utc || ToUtc.Kind != DateTimeKind.Utc)
        {
            return "A drill-down window is given in UTC.";
        }
        if (ToUtc <= FromUtc)
        {
            return "The window ends before it starts.";
        }
        if (FromUtc.Ticks % TimeSpan.TicksPerHour != 0 || ToUtc.Ticks % TimeSpan.TicksPerHour != 0)
        {
            return "A window starts and ends on the hour (UTC): the figures are kept by the hour.";
        }
        return (ToUtc - FromUtc).TotalDays > Dashboard.InsightsFilter.MaxDays ? $"A window can cover at most {Dashboard.InsightsFilter.MaxDays} days." : null;
    }
}

/// <summary>
/// A set of flows a number is over (a version's changed flows, or its control). Compared by its members, so two queries
/// for the same set are equal (the pages reload only when the query changes).
/// </summary>
public sealed class DrillFlows(IEnumerable<Guid> ids) : IEquatable<DrillFlows>
{
    /// <summary>The most flows one link may name: a link is a URL, and no configuration the portal governs has more.</summary>
    public const int Max = 100;

    public IReadOnlyList<Guid> Ids { get; } = ids.Distinct().Order().ToList();

    public string? Problem() => Ids.Count == 0 ? "A set of flows needs at least one flow."
        : Ids.Count > Max ? $"A drill-down can name at most {Max} flows; this link names {Ids.Count}." : null;

    public bool Equals(DrillFlows? other) => other is not null && Ids.SequenceEqual(other.Ids);

    public override bool Equals(object? obj) => Equals(obj as DrillFlows);

    public override int GetHashCode() => Ids.Aggregate(0, HashCode.Combine);

    public override string ToString() => string.Join(",", Ids);
}

/// <summary>A run behind a number: what it added (<see cref="Counted"/>, and <see cref="Of"/> for a share).</summary>
public sealed record DrillRun(long RunId, Guid FlowId, string FlowName, DateTime StartedUtc, string Status, double Counted, double? Of);

/// <summary>The runs behind a number, one page of them, and the totals over all of them (which equal the card's figure).</summary>
public sealed record DrillRuns(IReadOnlyList<DrillRun> Items, int Total, double Counted, double? Of);

/// <summary>A record counted in a number. <see cref="Seconds"/> is its lead response, for the lead response figures.</summary>
public sealed record DrillRecord(long OutcomeId, long RunId, string FlowName, string SourceId, string? TargetId, string Outcome, string? Reason, DateTime AtUtc, double? Seconds);
