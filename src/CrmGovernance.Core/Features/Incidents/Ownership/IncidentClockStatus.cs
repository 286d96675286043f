namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>The active incidents of one item: how many, how many past a clock, and the next clock to run out.</summary>
public sealed record IncidentClockStatus(int Active, int Breached, DateTime? NextDueUtc, IncidentSeverity? WorstSeverity)
{
    public static readonly IncidentClockStatus None = new(0, 0, null, null);
}
