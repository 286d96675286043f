using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Incidents.Triggers;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Incidents;

/// <summary>
/// Delivery is at least once, and the event that comes again may reach a trigger that never saw it: this process after
/// a restart, or another node that took the shared subscriber over (ADR 0019). The occurrence's stored event sequence,
/// not the trigger's memory, keeps it from counting twice or reopening what people resolved.
/// </summary>
public sealed class TriggerRedeliveryTests
{
    [Fact]
    public async Task An_event_delivered_again_to_a_new_trigger_on_another_node_records_nothing_and_does_not_reopen()
    {
        await using var s = await IncidentScenario.StartAsync();
        var broken = Envelope(s, 41, new ChainVerified(false, 12, "Entry 11 does not match its hash."));
        await s.HandleAsync<AuditChainTrigger>(broken.Event, broken.Sequence);
        var incident = Assert.Single(await s.IncidentsAsync());
        await s.QueryAsync(db => db.Set<Incident>().Where(i => i.Id == incident.Id).ExecuteUpdateAsync(u => u
            .SetProperty(i => i.State, IncidentState.Resolved).SetProperty(i => i.Ending, IncidentEnding.Resolved)
            .SetProperty(i => i.ResolvedUtc, s.Host.Clock.GetUtcNow().UtcDateTime)));

        await using (var other = s.Host.OtherNode())
        {
            // Twice, each time as a freshly started trigger and recorder.
            await new AuditChainTrigger(new IncidentRecorder(ScopesOf(other), other.Singleton<PublishedConfiguration>(), other.Clock))
                .HandleAsync(broken, CancellationToken.None);
            await other.Singleton<AuditChainTrigger>().HandleAsync(broken, CancellationToken.None);
        }

        var after = Assert.Single(await s.IncidentsAsync());
        Assert.Equal((IncidentState.Resolved, 0, 1), (after.State, after.ReopenCount, after.Occurrences));
        Assert.Equal([IncidentEntryKind.Opened], (await s.TimelineAsync(after.Id)).Select(e => e.Kind));
        Assert.Equal(41, Assert.Single(await s.TimelineAsync(after.Id)).EventSequence);

        // A new event of the same cause does reopen it: the guard is the sequence, not the cause.
        await s.HandleAsync<AuditChainTrigger>(broken.Event, 42);
        Assert.Equal((IncidentState.Open, 1, 2), Assert.Single(await s.IncidentsAsync()) is var reopened ? (reopened.State, reopened.ReopenCount, reopened.Occurrences) : default);
    }

    [Fact]
    public async Task A_growing_error_queue_event_handed_again_after_a_restart_is_not_a_second_occurrence()
    {
        await using var s = await IncidentScenario.StartAsync();
        await s.WriteAsync(db => db.ErrorQueueItems.AddRange(Enumerable.Range(0, 30).Select(_ => new ErrorQueueItem
        {
            Kind = ErrorKind.Rejected, FlowId = IncidentScenario.Orders, SystemKey = "shop", ObjectKey = "order", Reason = "status is not allowed",
            Payload = "{}", CreatedUtc = s.Host.Clock.GetUtcNow().UtcDateTime,
        })));
        var first = Envelope(s, 7, new ErrorQueueItemsAdded(IncidentScenario.Orders, 25, null));
        var second = Envelope(s, 9, new ErrorQueueItemsAdded(IncidentScenario.Orders, 5, null));
        await s.HandleAsync<ErrorQueueTrigger>(first.Event, first.Sequence);
        await s.HandleAsync<ErrorQueueTrigger>(second.Event, second.Sequence);

        await using (var restarted = s.Host.OtherNode())
        {
            await restarted.Singleton<ErrorQueueTrigger>().HandleAsync(second, CancellationToken.None);
            await restarted.Singleton<ErrorQueueTrigger>().HandleAsync(first, CancellationToken.None);
        }

        var incident = Assert.Single(await s.IncidentsAsync());
        Assert.Equal(2, incident.Occurrences);
        Assert.Equal([7L, 9L], (await s.TimelineAsync(incident.Id)).Select(e => e.EventSequence ?? 0));
    }

    private static OperationsEventEnvelope Envelope(IncidentScenario s, long sequence, OperationsEvent e) =>
        new(sequence, s.Host.Clock.GetUtcNow().UtcDateTime, "test", e);

    private static IServiceScopeFactory ScopesOf(CoreTestHost host) => host.Singleton<IServiceScopeFactory>();
}
