using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>
/// The health of every published flow for the Flows page (see <see cref="FlowHealthRow.Judge"/>): its active
/// incidents, their clocks and its last real run (dry runs are left out: they change nothing). Two queries.
/// </summary>
public sealed class FlowHealth(IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published, TimeProvider clock, ActorContext actor)
{
    public async Task<IReadOnlyDictionary<Guid, FlowHealthRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewIncidents);
        var flows = (await published.CurrentAsync(cancellationToken)).Configuration.Flows.Select(f => f.Id).ToList();
        if (flows.Count == 0)
        {
            return new Dictionary<Guid, FlowHealthRow>();
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incidents = await ActiveIncidents.LoadAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var latest = db.SyncRuns.Where(r => flows.Contains(r.FlowId) && !r.DryRun).GroupBy(r => r.FlowId).Select(g => g.Max(r => r.Id));
        var lastRuns = await db.SyncRuns.AsNoTracking().Where(r => latest.Contains(r.Id))
            .Select(r => new { r.FlowId, r.Status }).ToDictionaryAsync(r => r.FlowId, r => r.Status, cancellationToken);
        return flows.ToDictionary(id => id, id => FlowHealthRow.Judge(id, incidents.OfFlow(id), lastRuns.TryGetValue(id, out var s) ? s : null));
    }
}
