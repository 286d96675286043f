using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Insights.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights.Baselines;

/// <summary>Named baselines: listed for those who see insights (in their scope), set and removed by the object's or flow's business owner or an admin (audited).</summary>
public sealed class BaselineService(IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published, ActorContext actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<BaselineRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var scope = InsightsScope.For(actor, configuration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<InsightsBaseline>().AsNoTracking().OrderBy(b => b.Name).ToListAsync(cancellationToken);
        return rows.Where(b => scope.Includes(ObjectOf(configuration, b.ObjectId, b.FlowId)))
            .Select(b => new BaselineRow(b.Id, b.ObjectId, b.FlowId, SubjectName(configuration, b.ObjectId, b.FlowId), b.Name, b.From, b.To, b.SetBy, b.SetUtc,
                actor.HoldsFor(Capability.ManageBaselines, [Party(configuration, b.ObjectId, b.FlowId)])))
            .ToList();
    }

    /// <summary>Names (or renames, or moves) the baseline of an object or a flow; exactly one of them.</summary>
    public async Task SetAsync(Guid? objectId, Guid? flowId, string name, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ManageBaselines);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        if ((objectId is null) == (flowId is null))
        {
            throw new ArgumentException("A baseline belongs to one object or one flow.");
        }
        if (objectId is { } o && configuration.FindObject(o) is null || flowId is { } f && configuration.FindFlow(f) is null)
        {
            throw new KeyNotFoundException("That object or flow is not in the published configuration.");
        }
        actor.EnsureFor(Capability.ManageBaselines, [Party(configuration, objectId, flowId)]);
        name = name.Trim();
        if (name.Length is 0 or > 120)
        {
            throw new ArgumentException("Give the baseline a name of 1 to 120 characters, for example \"the four weeks before go-live\".");
        }
        if (to < from || to.DayNumber - from.DayNumber + 1 > InsightsFilter.MaxDays)
        {
            throw new ArgumentException($"The baseline must end on or after its first day and cover at most {InsightsFilter.MaxDays} days.");
        }
        if (from > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            throw new ArgumentException("A baseline is a period that has begun: its first day cannot be in the future.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<InsightsBaseline>().FirstOrDefaultAsync(b => objectId != null ? b.ObjectId == objectId : b.FlowId == flowId, cancellationToken);
        if (row is null)
        {
            row = new InsightsBaseline { ObjectId = objectId, FlowId = flowId };
            db.Add(row);
        }
        (row.Name, row.From, row.To, row.SetBy, row.SetUtc) = (name, from, to, actor.Name, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ManageBaselines);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<InsightsBaseline>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException("That baseline no longer exists.");
        actor.EnsureFor(Capability.ManageBaselines, [Party(configuration, row.ObjectId, row.FlowId)]);
        db.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The baseline for a view: the flow's own, else its object's (no role check: the dashboard checked).</summary>
    internal static async Task<InsightsBaseline?> ForViewAsync(CrmDbContext db, GovernanceConfiguration configuration, Guid? objectId, Guid? flowId, CancellationToken ct)
    {
        if (flowId is { } f)
        {
            var own = await db.Set<InsightsBaseline>().AsNoTracking().FirstOrDefaultAsync(b => b.FlowId == f, ct);
            if (own is not null)
            {
                return own;
            }
            objectId ??= configuration.FindFlow(f)?.ObjectId;
        }
        return objectId is { } o ? await db.Set<InsightsBaseline>().AsNoTracking().FirstOrDefaultAsync(b => b.ObjectId == o, ct) : null;
    }

    private static Guid ObjectOf(GovernanceConfiguration configuration, Guid? objectId, Guid? flowId) =>
        objectId ?? (flowId is { } f ? configuration.FindFlow(f)?.ObjectId : null) ?? Guid.Empty;

    private static string SubjectName(GovernanceConfiguration configuration, Guid? objectId, Guid? flowId) =>
        flowId is { } f ? "flow " + (configuration.FindFlow(f)?.DisplayName ?? "(no longer configured)")
        : "object " + (objectId is { } o ? configuration.FindObject(o)?.Name ?? "(no longer configured)" : "");

    private static AccountableParty Party(GovernanceConfiguration configuration, Guid? objectId, Guid? flowId)
    {
        if (flowId is { } f && configuration.FindFlow(f) is { } flow)
        {
            return Accountability.ForFlow(configuration, flow);
        }
        var o = objectId is { } id ? configuration.FindObject(id) : null;
        return new AccountableParty(o is null ? "an object no longer configured" : "object " + o.Name, [o?.Owner ?? ""], []);
    }
}
