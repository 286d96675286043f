using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>
/// The active incidents of the whole portal, read in one query and counted per flow, system and object, so a page
/// listing every item asks the database once. Active incidents are few: repeats fold into one.
/// </summary>
internal sealed class ActiveIncidents
{
    private readonly List<Line> _lines;
    private readonly DateTime _now;

    private ActiveIncidents(List<Line> lines, DateTime now) => (_lines, _now) = (lines, now);

    public static async Task<ActiveIncidents> LoadAsync(CrmDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var lines = await db.Set<Incident>().AsNoTracking()
            .Where(i => i.State == IncidentState.Open || i.State == IncidentState.Acknowledged)
            .Select(i => new Line(i.FlowId, i.SystemId, i.ObjectId, i.Severity, i.State, i.AcknowledgeDueUtc, i.ResolveDueUtc,
                i.AcknowledgeBreached || i.ResolveBreached))
            .ToListAsync(cancellationToken);
        return new ActiveIncidents(lines, now);
    }

    public IncidentClockStatus OfFlow(Guid id) => Status(_lines.Where(l => l.FlowId == id));

    public IncidentClockStatus OfSystem(Guid id) => Status(_lines.Where(l => l.SystemId == id));

    public IncidentClockStatus OfObject(Guid id) => Status(_lines.Where(l => l.ObjectId == id));

    private IncidentClockStatus Status(IEnumerable<Line> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return IncidentClockStatus.None;
        }
        // A clock past due counts as breached before the escalation job has flagged it.
        var breached = list.Count(l => l.Breached || l.ResolveDueUtc <= _now || (l.State == IncidentState.Open && l.AcknowledgeDueUtc <= _now));
        var next = list.SelectMany(l => l.State == IncidentState.Open ? new[] { l.AcknowledgeDueUtc, l.ResolveDueUtc } : [l.ResolveDueUtc])
            .Where(d => d > _now).Select(d => (DateTime?)d).Min();
        return new IncidentClockStatus(list.Count, breached, next, list.Min(l => l.Severity));
    }

    private sealed record Line(Guid? FlowId, Guid? SystemId, Guid? ObjectId, IncidentSeverity Severity, IncidentState State,
        DateTime AcknowledgeDueUtc, DateTime ResolveDueUtc, bool Breached);
}
