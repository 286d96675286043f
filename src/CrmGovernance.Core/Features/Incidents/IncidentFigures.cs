namespace CrmGovernance.Core.Features.Incidents;

/// <summary>
/// How incidents opened in a period went: counts by cause and severity, times to acknowledge and resolve (hours; mean and
/// 90th percentile, nearest rank), clocks that ran out, the share of ended incidents that expired unattended, and the
/// active incidents nobody owns now (whatever the period).
/// </summary>
public sealed record IncidentFigures(
    DateTime FromUtc,
    DateTime ToUtc,
    int Opened,
    IReadOnlyDictionary<IncidentCause, int> ByCause,
    IReadOnlyDictionary<IncidentSeverity, int> BySeverity,
    double? MeanHoursToAcknowledge,
    double? P90HoursToAcknowledge,
    double? MeanHoursToResolve,
    double? P90HoursToResolve,
    int AcknowledgeBreaches,
    int ResolveBreaches,
    int Ended,
    int Expired,
    int OwnershipGapsNow)
{
    /// <summary>Expired ÷ ended, 0–1; null when none ended.</summary>
    public double? ExpiredShare => Ended == 0 ? null : (double)Expired / Ended;
}
