using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Stewardship.Scans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Scans;

/// <summary>
/// Several worker nodes on one database: a node that starts fails the scans it left running itself and those of dead
/// nodes, never a scan another live node is running; later, a scan whose node stops beating is failed by the periodic check.
/// </summary>
public sealed class ScanNodeLivenessTests
{
    private const string ThisNode = "worker-b";
    private static readonly Dictionary<string, string?> Settings = new() { ["Node:Name"] = ThisNode, ["Sync:Worker"] = "true" };

    [Fact]
    public async Task A_starting_node_fails_its_own_and_dead_nodes_running_scans_but_not_another_live_nodes()
    {
        await using var host = await CoreTestHost.StartAsync(Settings);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var live = await RunningAsync(host, "worker-a", now.AddSeconds(-5));
        var own = await RunningAsync(host, ThisNode, now.AddSeconds(-5));
        var dead = await RunningAsync(host, "worker-c", now.AddMinutes(-3));
        var unnamed = await RunningAsync(host, null, null);

        var runner = host.Singleton<DuplicateScanRunner>();
        await runner.StartAsync(CancellationToken.None);
        try
        {
            foreach (var id in new[] { own, dead, unnamed })
            {
                var failed = await WaitForAsync(host, id, ScanStatus.Failed);
                Assert.Equal((ScanStatus.Failed, DuplicateScanRunner.CutOff), (failed.Status, failed.Error));
            }
            // Judged in the same pass as those: still running.
            Assert.Equal(ScanStatus.Running, (await ScanAsync(host, live)).Status);
        }
        finally
        {
            await runner.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_scan_whose_node_stops_beating_is_failed_by_the_periodic_check_once_its_heartbeat_is_stale()
    {
        await using var host = await CoreTestHost.StartAsync(Settings);
        var started = host.Clock.GetUtcNow().UtcDateTime;
        var scan = await RunningAsync(host, "worker-a", started);
        var runner = host.Singleton<DuplicateScanRunner>();
        await runner.StartAsync(CancellationToken.None);
        try
        {
            // The other node dies now: its heartbeat is never renewed. This node's clock moves on, a check at a time.
            var status = ScanStatus.Running;
            for (var i = 0; i < 20 && status == ScanStatus.Running; i++)
            {
                host.Clock.Advance(TimeSpan.FromSeconds(30));
                await Task.Delay(250);
                status = (await ScanAsync(host, scan)).Status;
            }
            var failed = await ScanAsync(host, scan);

            Assert.Equal(ScanStatus.Failed, failed.Status);
            Assert.Equal(DuplicateScanRunner.CutOff, failed.Error);
            // Not before the heartbeat was older than Node:HeartbeatStaleSeconds (120 s).
            Assert.True(failed.FinishedUtc > started.AddSeconds(120), $"failed at {failed.FinishedUtc:O}");
        }
        finally
        {
            await runner.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>A scan another process claimed and is running (or ran, until it died).</summary>
    private static async Task<long> RunningAsync(CoreTestHost host, string? node, DateTime? heartbeat)
    {
        var scan = new DuplicateScan
        {
            SystemId = Guid.NewGuid(), ObjectId = Guid.NewGuid(), ConfigurationVersion = 1, Status = ScanStatus.Running, RequestedBy = "owner@example.com",
            RequestedUtc = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10), StartedUtc = heartbeat, Phase = ScanPhases.Reading, Node = node, HeartbeatUtc = heartbeat,
        };
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.DuplicateScans.Add(scan);
        await db.SaveChangesAsync();
        return scan.Id;
    }

    private static async Task<DuplicateScan> ScanAsync(CoreTestHost host, long id)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().DuplicateScans.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    private static async Task<DuplicateScan> WaitForAsync(CoreTestHost host, long id, ScanStatus status)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var scan = await ScanAsync(host, id);
            if (scan.Status == status || DateTime.UtcNow > until)
            {
                return scan;
            }
            await Task.Delay(100);
        }
    }
}
