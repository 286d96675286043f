using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// The background queue of duplicate scans: one scan at a time (a scan holds a system's records in memory and keeps
/// a core busy), in the order they were requested. Runs in the process that runs the worker (<see cref="SyncOptions.Worker"/>);
/// at start it fails scans a stopped process left running (this node's, or a dead node's: not another live node's,
/// <see cref="RunningWork"/>) and takes up those still queued, then every few seconds those queued by other processes
/// (<see cref="QueuedWorkPoll"/>), and every half minute fails those whose node died meanwhile. Singleton and hosted service.
/// </summary>
public sealed class DuplicateScanRunner(IServiceScopeFactory scopes, IOptions<SyncOptions> options, RunningWork running, ILogger<DuplicateScanRunner> logger)
    : BackgroundService
{
    /// <summary>Why a scan whose process stopped failed.</summary>
    public const string CutOff = "The portal stopped while the scan ran; start it again.";

    private readonly JobQueue<long> _queue = new();
    private readonly SemaphoreSlim _requests = new(1, 1);

    /// <summary>Whether this process runs scans; when not, requested scans wait for the process that does.</summary>
    public bool IsWorker => options.Value.Worker;

    /// <summary>
    /// Stores the scan as queued and queues it, unless a scan of the same system's object is queued or running.
    /// </summary>
    /// <exception cref="InvalidOperationException">That system's object is being scanned already (the message says so).</exception>
    internal async Task<long> QueueAsync(DuplicateScan scan, string what, CancellationToken cancellationToken)
    {
        // Checking and inserting under one gate: two requests at once must not both pass the check.
        await _requests.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
            if (await db.DuplicateScans.AnyAsync(s => s.SystemId == scan.SystemId && s.ObjectId == scan.ObjectId
                    && (s.Status == ScanStatus.Queued || s.Status == ScanStatus.Running), cancellationToken))
            {
                throw new InvalidOperationException($"{what} is being scanned already; wait for that scan to finish, or cancel it.");
            }
            db.DuplicateScans.Add(scan);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _requests.Release();
        }
        _queue.Enqueue(scan.Id);
        return scan.Id;
    }

    /// <summary>Stops the scan if this process is running it; true when it was.</summary>
    public bool Cancel(long scanId) => _queue.Cancel(scanId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsWorker)
        {
            return;
        }
        await Task.Yield();
        // A busy database at start must not end the portal (a hosted service that throws stops the host): try again.
        await StartupRetry.UntilDoneAsync(RecoverAsync, logger, "Recovering duplicate scans", stoppingToken);
        var polling = QueuedWorkPoll.RunAsync(_queue, QueuedAsync, logger, "duplicate scans", stoppingToken);
        var watching = running.WatchAsync(ct => FailCutOffAsync(atStart: false, ct), logger, "duplicate scans", stoppingToken);
        try
        {
            await _queue.RunAsync(async (scanId, cancel) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("duplicate scan", null);
                await scope.ServiceProvider.GetRequiredService<DuplicateScanExecutor>().RunAsync(scanId, cancel, stoppingToken);
            }, stoppingToken);
        }
        finally
        {
            await polling;
            await watching;
        }
    }

    /// <summary>Scans queued by a process that does not run them (a portal-only node, the command line), in request order.</summary>
    private async Task<IReadOnlyList<long>> QueuedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.DuplicateScans.Where(s => s.Status == ScanStatus.Queued).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Fails the scans cut off when a process stopped; queued ones are taken up in request order.</summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await FailCutOffAsync(atStart: true, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        foreach (var id in await db.DuplicateScans.Where(s => s.Status == ScanStatus.Queued).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken))
        {
            _queue.Enqueue(id);
        }
    }

    /// <summary>Fails the running scans whose node stopped (<see cref="RunningWork.IsCutOff"/>) and drops their partly stored pairs; returns how many.</summary>
    internal async Task<int> FailCutOffAsync(bool atStart, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var runningNow = await db.DuplicateScans.Where(s => s.Status == ScanStatus.Running).Select(s => new { s.Id, s.Node, s.HeartbeatUtc }).ToListAsync(cancellationToken);
        var cutOff = runningNow.Where(s => running.IsCutOff(s.Node, s.HeartbeatUtc, atStart)).Select(s => s.Id).ToList();
        if (cutOff.Count == 0)
        {
            return 0;
        }
        var now = running.Now;
        var failed = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var id in cutOff)
        {
            // One row at a time, so ScanFinished goes, in the same transaction, with exactly the scans this statement
            // failed: open scan pages and incidents hear of it as of any other end.
            if (await db.DuplicateScans.Where(s => s.Id == id && s.Status == ScanStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ScanStatus.Failed).SetProperty(x => x.FinishedUtc, now)
                        .SetProperty(x => x.Error, CutOff), cancellationToken) == 1)
            {
                await db.RaiseNowAsync(new ScanFinished(id, nameof(ScanStatus.Failed)), now, cancellationToken);
                failed++;
            }
        }
        // Pairs of a scan that completed meanwhile (its node was slow, not dead) stay.
        await db.DuplicateScanPairs.Where(p => cutOff.Contains(p.ScanId) && db.DuplicateScans.Any(s => s.Id == p.ScanId && s.Status != ScanStatus.Completed))
            .ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return failed;
    }

    public override void Dispose()
    {
        _requests.Dispose();
        base.Dispose();
    }
}
