using CrmGovernance.Core.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmGovernance.Core.Tests.Events;

/// <summary>Live screens hear events while registered, and a broken one does not silence the others.</summary>
public sealed class BroadcasterTests
{
    [Fact]
    public async Task A_registered_screen_hears_events_until_it_unsubscribes_and_a_failing_screen_does_not_stop_the_others()
    {
        var broadcaster = new OperationsEventBroadcaster(NullLogger<OperationsEventBroadcaster>.Instance);
        var heard = new List<OperationsEvent>();
        var registration = broadcaster.Subscribe(e =>
        {
            heard.Add(e);
            return Task.CompletedTask;
        });
        using var failing = broadcaster.Subscribe(_ => throw new InvalidOperationException("A screen's circuit is gone."));

        await broadcaster.HandleAsync(Envelope(1, new ScanProgressed(9, "Reading", 0.5)), default);
        registration.Dispose();
        registration.Dispose();
        await broadcaster.HandleAsync(Envelope(2, new ScanFinished(9, "Completed")), default);

        Assert.Equal(new OperationsEvent[] { new ScanProgressed(9, "Reading", 0.5) }, heard);
        Assert.Equal(1, broadcaster.Count);
    }

    private static OperationsEventEnvelope Envelope(long sequence, OperationsEvent e) => new(sequence, DateTime.UtcNow, "test", e);
}
