using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit.Export.Jobs;
using CrmGovernance.Core.Tests.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit.Export;

/// <summary>
/// An export failed because its node stopped ends with ExportFinished like any other export: the exports panel no longer
/// polls, so without it the panel would show the export running for ever.
/// </summary>
public sealed class ExportRecoveryEventTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Node:Name"] = "worker-b", ["Sync:Worker"] = "true" };

    [Fact]
    public async Task An_export_failed_as_cut_off_raises_ExportFinished_with_the_change_and_a_subscriber_receives_it_once()
    {
        await using var host = await CoreTestHost.StartAsync(Settings);
        var subscriber = new RecordingSubscriber("export-events", new HashSet<string> { OperationsEventKinds.Of<ExportFinished>() });
        var dispatcher = host.Dispatcher(subscriber);
        await dispatcher.DispatchOnceAsync(default); // starts at the head, as a portal running all along
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var own = await RunningAsync(host, "worker-b", now.AddSeconds(-5));
        var live = await RunningAsync(host, "worker-a", now.AddSeconds(-5));
        var retention = host.Singleton<AuditExportRetention>();

        Assert.Equal(1, await retention.FailCutOffAsync(atStart: true, CancellationToken.None));
        Assert.Equal(0, await retention.FailCutOffAsync(atStart: false, CancellationToken.None));
        await dispatcher.DispatchOnceAsync(default);

        var stored = Assert.Single(await host.OutboxAsync(), e => e.Kind == nameof(ExportFinished));
        Assert.Equal(new ExportFinished(own, nameof(AuditExportStatus.Failed)), OperationsEventKinds.Read(stored)!.Event);
        Assert.Equal([new ExportFinished(own, nameof(AuditExportStatus.Failed))], subscriber.Handled.Select(e => e.Event));
        Assert.DoesNotContain(subscriber.Handled, e => e.Event is ExportFinished x && x.ExportId == live);
        Assert.False(File.Exists(host.Singleton<AuditExportFiles>().TempPathOf(own)));
    }

    private static async Task<Guid> RunningAsync(CoreTestHost host, string node, DateTime heartbeat)
    {
        var export = new AuditExport
        {
            Id = Guid.NewGuid(), RequestedById = "id-auditor", RequestedByName = "auditor", RequestedUtc = heartbeat.AddMinutes(-10),
            Status = AuditExportStatus.Running, StartedUtc = heartbeat, FileName = "audit-log.xlsx", Node = node, HeartbeatUtc = heartbeat,
        };
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.AuditExports.Add(export);
            await db.SaveChangesAsync();
        }
        var partial = host.Singleton<AuditExportFiles>().TempPathOf(export.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await File.WriteAllTextAsync(partial, "half a workbook");
        return export.Id;
    }
}
