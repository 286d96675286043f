using CrmGovernance.Core.Events;

namespace CrmGovernance.Core.Tests.Events;

/// <summary>A subscriber that keeps what it handled; it throws for its first <c>failures</c> deliveries, as a subscriber whose
/// database or mail server is down would.</summary>
internal sealed class RecordingSubscriber(string name, IReadOnlySet<string>? kinds = null, int failures = 0) : IOperationsEventSubscriber
{
    private readonly List<OperationsEventEnvelope> _handled = [];
    private int _failuresLeft = failures;

    public string Name => name;
    public IReadOnlySet<string>? Kinds => kinds;
    public int Calls { get; private set; }

    public IReadOnlyList<OperationsEventEnvelope> Handled
    {
        get
        {
            lock (_handled)
            {
                return [.. _handled];
            }
        }
    }

    public Task HandleAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken)
    {
        lock (_handled)
        {
            Calls++;
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                throw new InvalidOperationException($"{name} is down.");
            }
            _handled.Add(envelope);
        }
        return Task.CompletedTask;
    }

    /// <summary>Waits until an event satisfying <paramref name="match"/> was handled.</summary>
    public async Task<OperationsEventEnvelope> WaitForAsync(Func<OperationsEvent, bool> match, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Handled.FirstOrDefault(e => match(e.Event)) is { } found)
            {
                return found;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"{name} did not receive the expected event within {timeout.TotalSeconds} s; it handled: "
            + string.Join(", ", Handled.Select(e => $"{e.Sequence} {e.Event}")));
    }
}
