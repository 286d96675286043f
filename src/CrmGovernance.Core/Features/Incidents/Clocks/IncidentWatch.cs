using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Incidents.Triggers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Incidents.Clocks;

/// <summary>
/// What the incident watch job does every minute: the checks no event announces (silent flows, volume drops, overdue
/// review items), then the clocks (breaches, escalation) and the ends (expiry, resolved incidents past their reopen
/// window). A check's signal is recorded only while no incident of its cause and subject is active, so a condition that
/// lasts is one occurrence, not one a minute. Singleton: it remembers when the portal started watching.
/// </summary>
public sealed class IncidentWatch(IServiceScopeFactory scopes, PublishedConfiguration published, IncidentRecorder recorder,
    FlowActivation activation, TimeProvider clock)
{
    /// <summary>When this process began watching: silence is counted from here at the earliest (a fresh install is not silent).</summary>
    public DateTime StartedUtc { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>One pass; returns the signals recorded and the incidents whose clocks or state changed.</summary>
    public async Task<(int Signals, int Changed)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var current = await published.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (signals, active) = await scopes.ReadAsync(async db =>
        {
            var since = await activation.ActiveSinceAsync(db, current.Version, cancellationToken);
            var found = new List<IncidentSignal>();
            found.AddRange(await FlowQuietCheck.FindAsync(db, current, since, StartedUtc, now, cancellationToken));
            found.AddRange(await ReviewOverdueCheck.FindAsync(db, current.Configuration, now, cancellationToken));
            var keys = await db.Set<Incident>().Where(i => i.State == IncidentState.Open || i.State == IncidentState.Acknowledged)
                .Select(i => i.FoldKey).ToListAsync(cancellationToken);
            return (found, keys.ToHashSet(StringComparer.Ordinal));
        }, cancellationToken);
        var recorded = 0;
        foreach (var signal in signals.Where(s => !active.Contains(s.FoldKey)))
        {
            await recorder.RecordAsync(signal, null, cancellationToken);
            recorded++;
        }
        var changed = await recorder.ExclusiveAsync(async contexts =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            return await IncidentClocks.TickAsync(db, current.Configuration, now, cancellationToken)
                + await IncidentExpiry.TickAsync(db, current.Configuration, now, cancellationToken);
        }, cancellationToken);
        return (recorded, changed);
    }
}
