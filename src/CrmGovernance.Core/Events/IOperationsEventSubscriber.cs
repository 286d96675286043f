namespace CrmGovernance.Core.Events;

/// <summary>
/// Something that reacts to operations events. Register it as a singleton <see cref="IOperationsEventSubscriber"/>; the
/// portal's <see cref="OperationsEventDispatcher"/> hands it every event of its <see cref="Kinds"/> in outbox order,
/// at least once, from the first event after it first appears (earlier events are not its business).
/// <para>
/// Handlers must be <b>idempotent</b>: after a crash, or a failure saving the position, the same event (same
/// <see cref="OperationsEventEnvelope.Sequence"/>) comes again. A handler that throws gets the same event again later,
/// with growing pauses, and nothing after it until it succeeds; other subscribers carry on meanwhile.
/// </para>
/// </summary>
public interface IOperationsEventSubscriber
{
    /// <summary>Its position is stored under this name: stable across restarts, unique per subscriber (and per node
    /// when each node must see every event).</summary>
    string Name { get; }

    /// <summary>The kinds it handles (<see cref="OperationsEventKinds.Of{T}"/>); null for every kind.</summary>
    IReadOnlySet<string>? Kinds { get; }

    /// <summary>
    /// True when every node must see every event (its <see cref="Name"/> then names the node, e.g. the live screens);
    /// false (the default) for a subscriber whose work is shared, delivered only on the nodes that run the worker.
    /// </summary>
    bool EveryNode => false;

    Task HandleAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken);
}
