using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Sources;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights.Drill;

/// <summary>
/// The incidents behind an incident figure, each by the moment <see cref="IncidentContribution"/> counts it: opened,
/// acknowledged (with the seconds it took), resolved and ended (with the seconds it took; ended by expiry for the share), or
/// its first missed clock's due time for a breach. The incidents of a period are few: they are summed here, paged after.
/// </summary>
internal static class IncidentDrill
{
    public static async Task<DrillItems> ListAsync(CrmDbContext db, string card, DrillSubjects s, int page, int size, CancellationToken ct)
    {
        var (from, to) = (s.FromUtc, s.ToUtc);
        var incidents = db.Set<Incident>().AsNoTracking();
        incidents = card switch
        {
            InsightCards.IncidentsOpened => incidents.Where(i => i.OpenedUtc >= from && i.OpenedUtc < to),
            InsightCards.Mtta => incidents.Where(i => i.AcknowledgedUtc >= from && i.AcknowledgedUtc < to),
            InsightCards.Mttr or InsightCards.ExpiredShare => incidents.Where(i => i.ResolvedUtc >= from && i.ResolvedUtc < to
                && i.State != IncidentState.Open && i.State != IncidentState.Acknowledged),
            InsightCards.SlaBreaches => incidents.Where(i => (i.AcknowledgeBreached && i.AcknowledgeDueUtc >= from && i.AcknowledgeDueUtc < to)
                || (!i.AcknowledgeBreached && i.ResolveBreached && i.ResolveDueUtc >= from && i.ResolveDueUtc < to)),
            _ => throw new ArgumentException($"\"{card}\" is not an incident figure."),
        };
        if (s.ObjectId is { } o)
        {
            incidents = incidents.Where(i => i.ObjectId == o);
        }
        if (s.FlowId is { } f)
        {
            incidents = incidents.Where(i => i.FlowId == f);
        }
        if (s.InFlows is { } set)
        {
            incidents = incidents.Where(i => set.Contains(i.FlowId));
        }
        if (s.SystemId is { } system)
        {
            incidents = incidents.Where(i => i.SystemId == system);
        }
        if (!s.Scope.Everything)
        {
            var allowed = s.Allowed.Select(a => (Guid?)a).ToList();
            incidents = incidents.Where(i => allowed.Contains(i.ObjectId));
        }
        var found = await incidents.OrderByDescending(i => i.Id).Select(i => new
        {
            i.Id, i.Title, i.SubjectName, i.State, i.Ending, i.OpenedUtc, i.AcknowledgedUtc, i.ResolvedUtc, i.AcknowledgeBreached, i.AcknowledgeDueUtc, i.ResolveDueUtc,
        }).ToListAsync(ct);
        var rows = found.Select(i =>
        {
            var (at, counted, of) = card switch
            {
                InsightCards.Mtta => (i.AcknowledgedUtc!.Value, Seconds(i.OpenedUtc, i.AcknowledgedUtc!.Value), (double?)1),
                InsightCards.Mttr => (i.ResolvedUtc!.Value, Seconds(i.OpenedUtc, i.ResolvedUtc!.Value), 1),
                InsightCards.ExpiredShare => (i.ResolvedUtc!.Value, i.Ending == IncidentEnding.Expired ? 1 : 0, 1),
                InsightCards.SlaBreaches => (i.AcknowledgeBreached ? i.AcknowledgeDueUtc : i.ResolveDueUtc, 1, null),
                _ => (i.OpenedUtc, 1.0, null),
            };
            var status = i.Ending is { } ending ? $"{i.State}, {ending}" : i.State.ToString();
            return new DrillItem(DrillSource.Incidents, i.Id, i.Title, i.SubjectName, at, status, counted, of);
        }).ToList();
        var pageSize = Math.Clamp(size, 1, 500);
        var shown = rows.OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToList();
        var hasOf = card is InsightCards.Mtta or InsightCards.Mttr or InsightCards.ExpiredShare;
        return new DrillItems(shown, rows.Count, rows.Sum(r => r.Counted), hasOf ? rows.Sum(r => r.Of ?? 0) : null, null);
    }

    private static double Seconds(DateTime from, DateTime to) => Math.Max(0, (to - from).TotalSeconds);
}
