using CrmGovernance.Core.Events;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>
/// A trigger that turns one kind of operations event into incident occurrences. Delivery is at least once: an event
/// handed again after its position failed to save is skipped here, so it does not count a second occurrence.
/// </summary>
public abstract class IncidentTrigger<TEvent> : IOperationsEventSubscriber where TEvent : OperationsEvent
{
    private static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal) { OperationsEventKinds.Of<TEvent>() };

    private long _lastSequence;

    public abstract string Name { get; }
    public IReadOnlySet<string>? Kinds => Handled;

    public async Task HandleAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Sequence <= _lastSequence)
        {
            return;
        }
        if (envelope.Event is TEvent e)
        {
            await HandleAsync(e, cancellationToken);
        }
        _lastSequence = envelope.Sequence;
    }

    protected abstract Task HandleAsync(TEvent e, CancellationToken cancellationToken);
}
