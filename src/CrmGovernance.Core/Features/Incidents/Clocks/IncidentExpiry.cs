using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Configuration.Model;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents.Clocks;

/// <summary>
/// Ends what nobody attends to. An active incident no person acted on (not acknowledged, no comment) for ExpireAfterDays
/// since it opened or reopened closes as Expired (neglect, told to the owner and the admins); a resolved incident closes
/// once its reopen window has passed (its ending stays Resolved).
/// </summary>
public static class IncidentExpiry
{
    public static async Task<int> TickAsync(CrmDbContext db, GovernanceConfiguration configuration, DateTime now, CancellationToken cancellationToken)
    {
        var candidates = await db.Set<Incident>()
            .Where(i => (i.State == IncidentState.Open && i.AcknowledgedUtc == null) || i.State == IncidentState.Resolved)
            .ToListAsync(cancellationToken);
        var open = candidates.Where(i => i.State == IncidentState.Open).Select(i => i.Id).ToList();
        var marks = await db.Set<IncidentEntry>()
            .Where(e => open.Contains(e.IncidentId) && (e.Kind == IncidentEntryKind.Comment || e.Kind == IncidentEntryKind.Opened || e.Kind == IncidentEntryKind.Reopened))
            .Select(e => new { e.IncidentId, e.Kind, e.AtUtc }).ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var incident in candidates)
        {
            var policy = configuration.IncidentPolicyFor(incident.FlowId);
            if (incident.State == IncidentState.Resolved)
            {
                var window = TimeSpan.FromHours(policy.ReopenWindowHours);
                if (incident.ResolvedUtc is { } resolved && resolved + window <= now)
                {
                    incident.State = IncidentState.Closed;
                    incident.ClosedUtc = now;
                    IncidentClocks.Line(db, incident, now, IncidentEntryKind.Closed, $"Closed: it did not come back within {IncidentClocks.Span(window)} of its resolution.");
                    ended++;
                }
                continue;
            }
            var mine = marks.Where(m => m.IncidentId == incident.Id).ToList();
            var since = mine.Where(m => m.Kind != IncidentEntryKind.Comment).Select(m => m.AtUtc).DefaultIfEmpty(incident.OpenedUtc).Max();
            var days = TimeSpan.FromDays(policy.ExpireAfterDays);
            if (mine.Any(m => m.Kind == IncidentEntryKind.Comment) || now - since < days)
            {
                continue;
            }
            incident.State = IncidentState.Closed;
            incident.Ending = IncidentEnding.Expired;
            incident.ClosedUtc = now;
            var text = $"Expired: nobody acknowledged or commented on it for {IncidentClocks.Span(days)}.";
            IncidentClocks.Line(db, incident, now, IncidentEntryKind.Expired, text);
            db.Raise(IncidentRecorder.Changed(incident, IncidentChanges.Expired, text) with { ToAdmins = true }, now);
            ended++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return ended;
    }
}
