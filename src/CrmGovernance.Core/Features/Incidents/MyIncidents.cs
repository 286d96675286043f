namespace CrmGovernance.Core.Features.Incidents;

/// <summary>What Home shows first: the person's active incidents, how many of their clocks ran out, and (for admins) the ones nobody owns.</summary>
public sealed record MyIncidents(IReadOnlyList<IncidentRow> Active, int ActiveTotal, int Breached, int OwnershipGaps)
{
    public static readonly MyIncidents Nothing = new([], 0, 0, 0);

    public bool IsEmpty => ActiveTotal == 0 && Breached == 0 && OwnershipGaps == 0;
}
