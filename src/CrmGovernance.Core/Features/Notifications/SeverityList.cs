using CrmGovernance.Core.Features.Incidents;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>Severities stored as comma-separated names: readable in the database and in audit rows.</summary>
public static class SeverityList
{
    public static IReadOnlySet<IncidentSeverity> Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<IncidentSeverity>(s, ignoreCase: true, out var v) ? (IncidentSeverity?)v : null)
            .OfType<IncidentSeverity>().ToHashSet();

    public static string Format(IEnumerable<IncidentSeverity> severities) => string.Join(",", severities.Distinct().Order());

    /// <summary>An event's severity text as a severity; an unknown one counts as Medium.</summary>
    public static IncidentSeverity Of(string? text) =>
        Enum.TryParse<IncidentSeverity>(text, ignoreCase: true, out var v) ? v : IncidentSeverity.Medium;
}
