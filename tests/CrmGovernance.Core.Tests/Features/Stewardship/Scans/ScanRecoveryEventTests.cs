using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Tests.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Scans;

/// <summary>
/// A scan failed because its node stopped ends with ScanFinished like any other scan: the scans pages no longer poll, so
/// without it an open page would show the scan running for ever.
/// </summary>
public sealed class ScanRecoveryEventTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Node:Name"] = "worker-b", ["Sync:Worker"] = "true" };

    [Fact]
    public async Task A_scan_failed_as_cut_off_raises_ScanFinished_with_the_change_and_a_subscriber_receives_it_once()
    {
        await using var host = await CoreTestHost.StartAsync(Settings);
        var subscriber = new RecordingSubscriber("scan-events", new HashSet<string> { OperationsEventKinds.Of<ScanFinished>() });
        var dispatcher = host.Dispatcher(subscriber);
        await dispatcher.DispatchOnceAsync(default); // starts at the head, as a portal running all along
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var dead = await RunningAsync(host, "worker-c", now.AddMinutes(-3));
        var live = await RunningAsync(host, "worker-a", now.AddSeconds(-5));
        var runner = host.Singleton<DuplicateScanRunner>();

        Assert.Equal(1, await runner.FailCutOffAsync(atStart: false, CancellationToken.None));
        Assert.Equal(0, await runner.FailCutOffAsync(atStart: false, CancellationToken.None));
        await dispatcher.DispatchOnceAsync(default);

        var stored = Assert.Single(await host.OutboxAsync(), e => e.Kind == nameof(ScanFinished));
        Assert.Equal(new ScanFinished(dead, nameof(ScanStatus.Failed)), OperationsEventKinds.Read(stored)!.Event);
        Assert.Equal([new ScanFinished(dead, nameof(ScanStatus.Failed))], subscriber.Handled.Select(e => e.Event));
        Assert.DoesNotContain(subscriber.Handled, e => e.Event is ScanFinished s && s.ScanId == live);
    }

    private static async Task<long> RunningAsync(CoreTestHost host, string node, DateTime heartbeat)
    {
        var scan = new DuplicateScan
        {
            SystemId = Guid.NewGuid(), ObjectId = Guid.NewGuid(), ConfigurationVersion = 1, Status = ScanStatus.Running, RequestedBy = "owner@example.com",
            RequestedUtc = heartbeat.AddMinutes(-10), StartedUtc = heartbeat, Phase = ScanPhases.Reading, Node = node, HeartbeatUtc = heartbeat,
        };
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.DuplicateScans.Add(scan);
        await db.SaveChangesAsync();
        return scan.Id;
    }
}
