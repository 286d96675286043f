using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents;

/// <summary>Reading incidents, for the pages and the read API: a filtered, paged list and one incident with its timeline.</summary>
public sealed class IncidentQueries(IDbContextFactory<CrmDbContext> contexts, ActorContext actor)
{
    public const int MaxPageSize = 200;

    /// <summary>Newest first; <paramref name="page"/> counts from 0.</summary>
    public async Task<PagedResult<IncidentRow>> ListAsync(IncidentFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewIncidents);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.Set<Incident>().AsNoTracking(), filter, db.Database.Dialect());
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(i => i.Id).Skip(page * pageSize).Take(pageSize)
            .Select(i => new IncidentRow(i.Id, i.Title, i.Cause, i.Severity, i.State, i.Ending, i.SubjectName, i.FlowId, i.SystemId,
                i.Owner, i.OwnershipGap, i.Occurrences, i.OpenedUtc, i.LastSeenUtc, i.AcknowledgeDueUtc, i.ResolveDueUtc,
                i.AcknowledgeBreached, i.ResolveBreached, i.EscalationLevel, i.ConfigurationVersion, i.CausingVersion))
            .ToListAsync(cancellationToken);
        return new PagedResult<IncidentRow>(items, total);
    }

    /// <summary>The incident and the newest <paramref name="timelineSize"/> lines of its timeline (oldest first); null when there is none.</summary>
    public async Task<IncidentDetail?> GetAsync(long id, int timelineSize = 200, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewIncidents);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return null;
        }
        var entries = db.Set<IncidentEntry>().AsNoTracking().Where(e => e.IncidentId == id);
        var total = await entries.CountAsync(cancellationToken);
        var timeline = await entries.OrderByDescending(e => e.Id).Take(Math.Clamp(timelineSize, 1, 1000)).ToListAsync(cancellationToken);
        timeline.Reverse();
        return new IncidentDetail(incident, timeline, total);
    }

    private static IQueryable<Incident> Apply(IQueryable<Incident> query, IncidentFilter f, IPortalSqlDialect dialect)
    {
        if (f.ActiveOnly)
        {
            query = query.Where(i => i.State == IncidentState.Open || i.State == IncidentState.Acknowledged);
        }
        if (f.State is { } state)
        {
            query = query.Where(i => i.State == state);
        }
        if (f.Severity is { } severity)
        {
            query = query.Where(i => i.Severity == severity);
        }
        if (f.Cause is { } cause)
        {
            query = query.Where(i => i.Cause == cause);
        }
        if (f.FlowId is { } flow)
        {
            query = query.Where(i => i.FlowId == flow);
        }
        if (f.SystemId is { } system)
        {
            query = query.Where(i => i.SystemId == system);
        }
        if (f.ObjectId is { } obj)
        {
            query = query.Where(i => i.ObjectId == obj);
        }
        if (!string.IsNullOrWhiteSpace(f.Owner))
        {
            var owner = f.Owner.Trim().ToLowerInvariant();
            query = query.Where(i => i.Owner == owner);
        }
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            // Upper-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
            var text = dialect.Upper(f.Text.Trim());
            #pragma warning disable CA1304, CA1311 // Translated to SQL's upper(), run by the database, not in .NET.
            query = query.Where(i => EF.Functions.Like(i.Title.ToUpper(), $"%{text}%") || EF.Functions.Like(i.SubjectName.ToUpper(), $"%{text}%") || EF.Functions.Like(i.Detail.ToUpper(), $"%{text}%"));
            #pragma warning restore CA1304, CA1311
        }
        return query;
    }
}
