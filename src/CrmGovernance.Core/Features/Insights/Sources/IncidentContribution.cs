using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Insights.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights.Sources;

/// <summary>
/// An incident's figures, each in the hour it happened: opened; acknowledged (and how long that took); resolved (and how
/// long that took, also as a histogram); a breached clock; an ending by expiry. Recomputed from the incident whenever it
/// changes, so a reopened incident moves its resolution rather than counting it twice.
/// </summary>
public static class IncidentContribution
{
    public static string KeyOf(long incidentId) => "incident:" + incidentId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<IReadOnlyList<ContributionItem>> ComputeAsync(CrmDbContext db, long incidentId, CancellationToken ct)
    {
        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        return incident is null ? [] : Compute(incident);
    }

    public static IReadOnlyList<ContributionItem> Compute(Incident incident)
    {
        var items = new List<ContributionItem>();
        void Add(string metric, DateTime at, double value, string dimension = "") =>
            items.Add(new ContributionItem(metric, incident.FlowId ?? Guid.Empty, incident.ObjectId ?? Guid.Empty, incident.SystemId ?? Guid.Empty, Guid.Empty, dimension, at, value));

        Add(InsightMetric.IncidentsOpened, incident.OpenedUtc, 1);
        if (incident.AcknowledgedUtc is { } acknowledged)
        {
            Add(InsightMetric.IncidentsAcknowledged, acknowledged, 1);
            Add(InsightMetric.IncidentAckSeconds, acknowledged, Math.Max(0, (acknowledged - incident.OpenedUtc).TotalSeconds));
        }
        if (incident.ResolvedUtc is { } resolved && !incident.IsActive)
        {
            var seconds = Math.Max(0, (resolved - incident.OpenedUtc).TotalSeconds);
            Add(InsightMetric.IncidentsResolved, resolved, 1);
            Add(InsightMetric.IncidentResolveSeconds, resolved, seconds);
            Add(InsightMetric.IncidentResolveHistogram, resolved, 1, Histogram.Dimension(Histogram.BucketOf(seconds)));
            if (incident.Ending == IncidentEnding.Expired)
            {
                Add(InsightMetric.IncidentsExpired, resolved, 1);
            }
        }
        if (incident.AcknowledgeBreached || incident.ResolveBreached)
        {
            // A breach happens when its clock runs out: the due time of the first clock that was missed.
            Add(InsightMetric.IncidentBreaches, incident.AcknowledgeBreached ? incident.AcknowledgeDueUtc : incident.ResolveDueUtc, 1);
        }
        return items;
    }
}
