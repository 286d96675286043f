using CrmGovernance.Core.Events;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>
/// A trigger that turns one kind of operations event into incident occurrences. Delivery is at least once, and after a
/// restart or a takeover by another node (ADR 0019) an event may come again to a trigger that never saw it: each
/// occurrence therefore carries the event's outbox sequence (<see cref="IncidentSignal.EventSequence"/>), and the
/// <see cref="IncidentRecorder"/> records a sequence once, durably.
/// </summary>
public abstract class IncidentTrigger<TEvent> : IOperationsEventSubscriber where TEvent : OperationsEvent
{
    private static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal) { OperationsEventKinds.Of<TEvent>() };

    public abstract string Name { get; }
    public IReadOnlySet<string>? Kinds => Handled;

    public async Task HandleAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Event is TEvent e)
        {
            await HandleAsync(e, envelope.Sequence, cancellationToken);
        }
    }

    /// <param name="sequence">The event's outbox sequence: set it on the signal (<c>EventSequence = sequence</c>).</param>
    protected abstract Task HandleAsync(TEvent e, long sequence, CancellationToken cancellationToken);
}
