using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Incidents.Clocks;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Incidents;

public sealed class IncidentClockTests
{
    [Fact]
    public async Task An_unacknowledged_incident_records_the_breach_and_escalates_one_step_at_a_time_never_twice()
    {
        await using var s = await IncidentScenario.StartAsync();
        var id = await OpenAsync(s);
        var watch = s.Service<IncidentWatch>();

        // High: 60 minutes to acknowledge; each further step after another 60 minutes.
        foreach (var minutes in new[] { 59, 2, 1, 59, 1, 59, 300 })
        {
            s.Host.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await watch.RunOnceAsync(CancellationToken.None);
        }

        var incident = (await s.IncidentsAsync()).Single(i => i.Id == id);
        Assert.True(incident.AcknowledgeBreached);
        Assert.False(incident.ResolveBreached);
        Assert.Equal(3, incident.EscalationLevel);
        var timeline = await s.TimelineAsync(id);
        Assert.Equal([IncidentEntryKind.Opened, IncidentEntryKind.Breach, IncidentEntryKind.Escalation, IncidentEntryKind.Escalation, IncidentEntryKind.Escalation],
            timeline.Select(e => e.Kind));
        Assert.Equal(timeline[0].AtUtc.AddMinutes(61), timeline[2].AtUtc);
        Assert.Equal(timeline[0].AtUtc.AddMinutes(121), timeline[3].AtUtc);
        Assert.Equal(timeline[0].AtUtc.AddMinutes(181), timeline[4].AtUtc);
        var escalations = (await s.ChangesAsync()).Where(p => p.Contains($"\"incidentId\":{id},", StringComparison.Ordinal) && p.Contains("\"escalated\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, escalations.Count);
        Assert.Contains($"[\"{ChangeControlScenario.Owner}\"]", escalations[0], StringComparison.Ordinal);
        Assert.Contains($"[\"{IncidentScenario.Contact}\"]", escalations[1], StringComparison.Ordinal);
        Assert.Contains("\"toAdmins\":true", escalations[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_nobody_attends_to_expires_while_one_with_a_comment_stays_open()
    {
        await using var s = await IncidentScenario.StartAsync();
        var neglected = await OpenAsync(s);
        var discussed = await OpenAsync(s, IncidentScenario.Orders);
        await s.WriteAsync(db => db.Add(new IncidentEntry
        {
            IncidentId = discussed, AtUtc = s.Host.Clock.GetUtcNow().UtcDateTime, Kind = IncidentEntryKind.Comment, Actor = ChangeControlScenario.Owner, Text = "Looking.",
        }));
        var watch = s.Service<IncidentWatch>();
        s.Host.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        await watch.RunOnceAsync(CancellationToken.None);
        Assert.Equal(IncidentState.Open, (await s.IncidentsAsync()).Single(i => i.Id == neglected).State);

        s.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await watch.RunOnceAsync(CancellationToken.None);

        var incidents = await s.IncidentsAsync();
        var expired = incidents.Single(i => i.Id == neglected);
        Assert.Equal((IncidentState.Closed, IncidentEnding.Expired), (expired.State, expired.Ending));
        Assert.Equal(IncidentState.Open, incidents.Single(i => i.Id == discussed).State);
        Assert.Equal(IncidentEntryKind.Expired, (await s.TimelineAsync(neglected))[^1].Kind);
        Assert.Contains(await s.ChangesAsync(), p => p.Contains($"\"incidentId\":{neglected},", StringComparison.Ordinal)
            && p.Contains("\"expired\"", StringComparison.Ordinal) && p.Contains("\"toAdmins\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resolved_incident_closes_when_its_reopen_window_passes_and_keeps_its_ending()
    {
        await using var s = await IncidentScenario.StartAsync();
        var id = await OpenAsync(s);
        var resolvedUtc = s.Host.Clock.GetUtcNow().UtcDateTime;
        await s.WriteAsync(db => db.Set<Incident>().Where(i => i.Id == id).ExecuteUpdate(u => u
            .SetProperty(i => i.State, IncidentState.Resolved).SetProperty(i => i.Ending, IncidentEnding.Resolved).SetProperty(i => i.ResolvedUtc, resolvedUtc)));
        var watch = s.Service<IncidentWatch>();
        s.Host.Clock.Advance(TimeSpan.FromHours(23));
        await watch.RunOnceAsync(CancellationToken.None);
        Assert.Equal(IncidentState.Resolved, (await s.IncidentsAsync()).Single(i => i.Id == id).State);

        s.Host.Clock.Advance(TimeSpan.FromHours(1));
        await watch.RunOnceAsync(CancellationToken.None);

        var closed = (await s.IncidentsAsync()).Single(i => i.Id == id);
        Assert.Equal((IncidentState.Closed, IncidentEnding.Resolved), (closed.State, closed.Ending));
        Assert.False(closed.ResolveBreached);
    }

    private static Task<long> OpenAsync(IncidentScenario s, Guid? flow = null) =>
        s.Service<IncidentRecorder>().RecordAsync(new IncidentSignal(IncidentCause.RunFailed, "Runs fail", "Run #1 failed.") { FlowId = flow ?? IncidentScenario.WebForm });
}
