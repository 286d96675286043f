namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>
/// A place where it hurt, measured by what needed a person's hand in the week: <see cref="Records"/> (a flow's records
/// rejected, failed or held for review; for an object, what entered the review and error queues outside any flow) plus
/// <see cref="Incidents"/> opened about it. The same for the week before; <see cref="Hurt"/> ranks the places, whatever
/// their trend, so a flow as bad as last week is named as surely as one that got worse.
/// </summary>
public sealed record DigestHotspot(DigestPlace Place, Guid Id, string Name, double Records, double RecordsBefore, double Incidents, double IncidentsBefore,
    double Processed, double? PerThousand)
{
    /// <summary>Records needing a person plus incidents opened, this week.</summary>
    public double Hurt => Records + Incidents;

    public double HurtBefore => RecordsBefore + IncidentsBefore;

    /// <summary>Week over week: positive when it hurt more than the week before.</summary>
    public double Change => Hurt - HurtBefore;
}
