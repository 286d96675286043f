using CrmGovernance.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>
/// A clean run closes what it disproves: the flow's failed-run, nothing-succeeded, rejection-rate incidents, its silent
/// and volume-drop incidents when it read records, and the unavailability of its source and target systems. Ends them
/// as Recovered (not resolved by a person) and tells the owner. Under the recorder's lock.
/// </summary>
public sealed class IncidentRecovery(IncidentRecorder recorder, TimeProvider clock)
{
    /// <summary>Returns how many incidents recovered.</summary>
    public Task<int> RecoverAsync(long runId, Guid flowId, IReadOnlyList<Guid> systemIds, bool readRecords, CancellationToken cancellationToken)
    {
        List<IncidentCause> causes = [IncidentCause.RunFailed, IncidentCause.NothingSucceeded, IncidentCause.RejectionRate];
        if (readRecords)
        {
            causes.AddRange([IncidentCause.SilentFlow, IncidentCause.VolumeDrop]);
        }
        var keys = causes.Select(c => new IncidentSignal(c, "", "") { FlowId = flowId }.FoldKey)
            .Concat(systemIds.Select(s => new IncidentSignal(IncidentCause.SystemUnavailable, "", "") { SystemId = s }.FoldKey))
            .ToList();
        return RecoverAsync(keys, $"Recovered: run #{runId} succeeded.", runId, cancellationToken);
    }

    /// <summary>Closes the open or acknowledged incidents of these fold keys as recovered, with the text on their timelines.</summary>
    public Task<int> RecoverAsync(IReadOnlyList<string> keys, string text, long? runId, CancellationToken cancellationToken) =>
        recorder.ExclusiveAsync(async contexts =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var active = await db.Set<Incident>()
                .Where(i => keys.Contains(i.FoldKey) && (i.State == IncidentState.Open || i.State == IncidentState.Acknowledged))
                .ToListAsync(cancellationToken);
            foreach (var incident in active)
            {
                incident.State = IncidentState.Closed;
                incident.Ending = IncidentEnding.Recovered;
                incident.ClosedUtc = now;
                db.Add(new IncidentEntry { IncidentId = incident.Id, AtUtc = now, Kind = IncidentEntryKind.Recovered, Actor = "system", Text = text, RunId = runId });
                db.Raise(IncidentRecorder.Changed(incident, IncidentChanges.Recovered, text), now);
            }
            await db.SaveChangesAsync(cancellationToken);
            return active.Count;
        }, cancellationToken);
}
