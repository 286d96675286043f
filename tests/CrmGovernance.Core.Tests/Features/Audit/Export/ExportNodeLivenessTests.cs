using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit.Export.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit.Export;

/// <summary>
/// Several worker nodes on one database: a node that starts fails the exports it left running itself and those of dead
/// nodes (deleting their partial files), never an export another live node is writing; later, an export whose node
/// stops beating is failed by the periodic check.
/// </summary>
public sealed class ExportNodeLivenessTests
{
    private const string ThisNode = "worker-b";
    private static readonly Dictionary<string, string?> Settings = new() { ["Node:Name"] = ThisNode, ["Sync:Worker"] = "true" };

    [Fact]
    public async Task A_starting_node_fails_its_own_and_dead_nodes_running_exports_but_not_another_live_nodes()
    {
        await using var host = await CoreTestHost.StartAsync(Settings);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var live = await RunningAsync(host, "worker-a", now.AddSeconds(-5));
        var own = await RunningAsync(host, ThisNode, now.AddSeconds(-5));
        var dead = await RunningAsync(host, "worker-c", now.AddMinutes(-3));
        var unnamed = await RunningAsync(host, null, null);

        var runner = host.Singleton<AuditExportRunner>();
        await runner.StartAsync(CancellationToken.None);
        try
        {
            foreach (var id in new[] { own, dead, unnamed })
            {
                var failed = await WaitForAsync(host, id, AuditExportStatus.Failed);
                Assert.Equal((AuditExportStatus.Failed, AuditExportRetention.Interrupted), (failed.Status, failed.Error));
                Assert.False(File.Exists(PartialFile(host, id)));
            }
            // Judged in the same pass as those: still running, its file untouched.
            Assert.Equal(AuditExportStatus.Running, (await ExportAsync(host, live)).Status);
            Assert.True(File.Exists(PartialFile(host, live)));
        }
        finally
        {
            await runner.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_export_whose_node_stops_beating_is_failed_by_the_periodic_check_once_its_heartbeat_is_stale()
    {
        await using var host = await CoreTestHost.StartAsync(Settings);
        var started = host.Clock.GetUtcNow().UtcDateTime;
        var export = await RunningAsync(host, "worker-a", started);
        var runner = host.Singleton<AuditExportRunner>();
        await runner.StartAsync(CancellationToken.None);
        try
        {
            // The other node dies now: its heartbeat is never renewed. This node's clock moves on, a check at a time.
            var status = AuditExportStatus.Running;
            for (var i = 0; i < 20 && status == AuditExportStatus.Running; i++)
            {
                host.Clock.Advance(TimeSpan.FromSeconds(30));
                await Task.Delay(250);
                status = (await ExportAsync(host, export)).Status;
            }
            var failed = await ExportAsync(host, export);

            Assert.Equal((AuditExportStatus.Failed, AuditExportRetention.Interrupted), (failed.Status, failed.Error));
            // Not before the heartbeat was older than Node:HeartbeatStaleSeconds (120 s).
            Assert.True(failed.CompletedUtc > started.AddSeconds(120), $"failed at {failed.CompletedUtc:O}");
        }
        finally
        {
            await runner.StopAsync(CancellationToken.None);
        }
    }

    private static string PartialFile(CoreTestHost host, Guid id) => host.Singleton<AuditExportFiles>().TempPathOf(id);

    /// <summary>An export another process claimed and is writing (or wrote, until it died), with its half-written file.</summary>
    private static async Task<Guid> RunningAsync(CoreTestHost host, string? node, DateTime? heartbeat)
    {
        var export = new AuditExport
        {
            Id = Guid.NewGuid(), RequestedById = "id-auditor", RequestedByName = "auditor", RequestedUtc = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10),
            Status = AuditExportStatus.Running, StartedUtc = heartbeat, FileName = "audit-log.xlsx", Node = node, HeartbeatUtc = heartbeat,
        };
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.AuditExports.Add(export);
            await db.SaveChangesAsync();
        }
        var partial = PartialFile(host, export.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await File.WriteAllTextAsync(partial, "half a workbook");
        return export.Id;
    }

    private static async Task<AuditExport> ExportAsync(CoreTestHost host, Guid id)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditExports.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private static async Task<AuditExport> WaitForAsync(CoreTestHost host, Guid id, AuditExportStatus status)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var export = await ExportAsync(host, id);
            if (export.Status == status || DateTime.UtcNow > until)
            {
                return export;
            }
            await Task.Delay(100);
        }
    }
}
