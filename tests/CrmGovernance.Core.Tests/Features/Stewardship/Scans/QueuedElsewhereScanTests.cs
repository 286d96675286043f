using CrmGovernance.Core.Features.Stewardship.Scans;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Scans;

/// <summary>A portal-only node (or crmgov) stores a scan as queued and runs nothing; a worker takes it up without a restart.</summary>
public sealed class QueuedElsewhereScanTests
{
    [Fact]
    public async Task A_scan_queued_by_another_process_is_run_by_the_worker_within_seconds()
    {
        await using var host = await ScanScenario.StartAsync();
        await ScanScenario.AddDistinctPeopleAsync(host.PathOf("crm.db"), 20);
        // Written as the other process writes it: a row and nothing else (its own queue is not this worker's).
        var scan = new DuplicateScan
        {
            SystemId = ScanScenario.Crm, ObjectId = ScanScenario.Contact, ConfigurationVersion = 1, RequestedBy = "portal-node",
            RequestedUtc = DateTime.UtcNow, Phase = ScanPhases.Waiting,
        };
        await host.QueryAsync(async db =>
        {
            db.DuplicateScans.Add(scan);
            return await db.SaveChangesAsync();
        });

        var finished = await host.FinishedAsync(scan.Id);

        Assert.Equal(ScanStatus.Completed, finished.Status);
        Assert.Equal(20, finished.RecordsRead);
        // The worker that ran it, not the process that queued it.
        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", finished.Node);
        Assert.NotNull(finished.HeartbeatUtc);
    }
}
