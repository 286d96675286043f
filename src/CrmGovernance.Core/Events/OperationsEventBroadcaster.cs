using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Events;

/// <summary>
/// Fans every operations event out to the live components of this process (eShop's notifier service): a Blazor
/// component registers a handler when it initialises and disposes the registration with itself, then re-reads through
/// its services when an event concerns it. A subscriber per process (its position is worth nothing to the next one, which
/// starts at the head), so every portal process's screens see every event; it never throws, since a broken screen must
/// not hold up the events of the others.
/// </summary>
public sealed class OperationsEventBroadcaster(ILogger<OperationsEventBroadcaster> logger) : IOperationsEventSubscriber
{
    private readonly Lock _gate = new();
    private ImmutableHandlers _handlers = new([]);

    public string Name { get; } = $"live-screens@{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Each portal node has its own screens to update.</summary>
    public bool EveryNode => true;

    public IReadOnlySet<string>? Kinds => null;

    /// <summary>Calls <paramref name="handler"/> for each event until the returned registration is disposed.</summary>
    public IDisposable Subscribe(Func<OperationsEvent, Task> handler)
    {
        lock (_gate)
        {
            _handlers = new([.. _handlers.All, handler]);
        }
        return new Registration(this, handler);
    }

    /// <summary>Live handlers now (for tests and diagnostics).</summary>
    public int Count => Volatile.Read(ref _handlers).All.Length;

    /// <summary>Calls the handlers side by side: a slow screen delays only itself.</summary>
    public Task HandleAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken) =>
        Task.WhenAll(Volatile.Read(ref _handlers).All.Select(handler => CallAsync(handler, envelope)));

    private async Task CallAsync(Func<OperationsEvent, Task> handler, OperationsEventEnvelope envelope)
    {
        try
        {
            await handler(envelope.Event);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A screen failed to handle operations event {Sequence} ({Kind})", envelope.Sequence, envelope.Event.Kind);
        }
    }

    private void Remove(Func<OperationsEvent, Task> handler)
    {
        lock (_gate)
        {
            _handlers = new([.. _handlers.All.Where(h => h != handler)]);
        }
    }

    private sealed record ImmutableHandlers(Func<OperationsEvent, Task>[] All);

    private sealed class Registration(OperationsEventBroadcaster owner, Func<OperationsEvent, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(handler);
            }
        }
    }
}
