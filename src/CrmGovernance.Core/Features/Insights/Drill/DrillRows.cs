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

/// <summary>A run behind a number: what it added (<see cref="Counted"/>, and <see cref="Of"/> for a share).</summary>
public sealed record DrillRun(long RunId, Guid FlowId, string FlowName, DateTime StartedUtc, string Status, double Counted, double? Of);

/// <summary>The runs behind a number, one page of them, and the totals over all of them (which equal the card's figure).</summary>
public sealed record DrillRuns(IReadOnlyList<DrillRun> Items, int Total, double Counted, double? Of);

/// <summary>A record counted in a number. <see cref="Seconds"/> is its lead response, for the lead response figures.</summary>
public sealed record DrillRecord(long OutcomeId, long RunId, string FlowName, string SourceId, string? TargetId, string Outcome, string? Reason, DateTime AtUtc, double? Seconds);
