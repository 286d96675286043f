using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// Runs one scan with the configuration version it was requested under: reads every record, finds the duplicates,
/// stores the pairs and the figures. Every scan ends on its row: completed, cancelled, or failed with the reason.
/// </summary>
internal sealed class DuplicateScanExecutor(IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published, IConnectorFactory connectors,
    MatchIndexStore index, RunningWork running, TimeProvider clock, ILogger<DuplicateScanExecutor> logger)
{
    /// <param name="cancel">Someone cancelled the scan.</param>
    /// <param name="stopping">The process is shutting down.</param>
    public async Task RunAsync(long scanId, CancellationToken cancel, CancellationToken stopping)
    {
        if (await ClaimAsync(scanId, stopping) is not { } scan)
        {
            return; // Cancelled while it waited, or taken already.
        }
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancel, stopping);
        DuplicateScanResult? result = null;
        var (status, error) = (ScanStatus.Completed, (string?)null);
        try
        {
            await using var progress = new ScanProgressReporter(contexts, scanId, work, clock);
            result = await ScanAsync(scan, progress, work.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            (status, error) = (ScanStatus.Failed, DuplicateScanRunner.CutOff);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            (status, error) = (ScanStatus.Cancelled, "Cancelled.");
        }
        catch (SystemUnavailableException e)
        {
            (status, error) = (ScanStatus.Failed, $"The system could not be reached, so nothing was scanned: {e.Message}");
        }
        catch (Exception e)
        {
            // Whatever went wrong, the scan must end with a status and a reason, never stay "running".
            logger.LogError(e, "Duplicate scan {ScanId} failed", scanId);
            (status, error) = (ScanStatus.Failed, e.Message);
        }
        await FinishAsync(scanId, status, error, result);
    }

    private async Task<DuplicateScanResult> ScanAsync(DuplicateScan scan, ScanProgressReporter progress, CancellationToken cancellationToken)
    {
        var result = await FindAsync(scan, progress, cancellationToken);
        await ScanPairWriter.WriteAsync(contexts, scan.Id, result, progress, cancellationToken);
        return result;
    }

    /// <summary>Reads and compares; the records read are let go when it returns, before the pairs are stored.</summary>
    private async Task<DuplicateScanResult> FindAsync(DuplicateScan scan, ScanProgressReporter progress, CancellationToken cancellationToken)
    {
        var snapshot = await published.VersionAsync(scan.ConfigurationVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Configuration version {scan.ConfigurationVersion} no longer exists.");
        var (plan, problem) = DuplicateScanPlan.For(snapshot.Configuration, scan.SystemId, scan.ObjectId);
        if (plan is null)
        {
            throw new InvalidOperationException(problem);
        }
        var expected = await PreviousRecordCountAsync(scan, cancellationToken);
        var readFrom = clock.GetUtcNow().UtcDateTime;
        List<MatchRecord> records;
        await using (var connector = connectors.Open(plan.System))
        {
            records = await ScanRecordReader.ReadAsync(connector, plan, expected, progress.Read, cancellationToken);
        }
        if (ScanIndexRefresher.Applies(snapshot.Configuration, plan))
        {
            await ScanIndexRefresher.RefreshAsync(contexts, index, plan, readFrom, records, progress, cancellationToken);
        }
        var model = MatchModel.Compile(plan.Rule);
        // Comparing is CPU work of seconds to minutes: off the worker's loop.
        return await Task.Run(() => DuplicateFinder.Find(model, records, progress, cancellationToken), cancellationToken);
    }

    private async Task<DuplicateScan?> ClaimAsync(long scanId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.DuplicateScans.Where(s => s.Id == scanId && s.Status == ScanStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ScanStatus.Running).SetProperty(x => x.StartedUtc, now)
                .SetProperty(x => x.Phase, ScanPhases.Reading).SetProperty(x => x.Progress, 0)
                .SetProperty(x => x.Node, running.Node).SetProperty(x => x.HeartbeatUtc, now), cancellationToken);
        return claimed == 0 ? null : await db.DuplicateScans.AsNoTracking().SingleAsync(s => s.Id == scanId, cancellationToken);
    }

    /// <summary>How many records the last completed scan of the same system's object read: the estimate for the reading share.</summary>
    private async Task<long> PreviousRecordCountAsync(DuplicateScan scan, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DuplicateScans.Where(s => s.SystemId == scan.SystemId && s.ObjectId == scan.ObjectId && s.Status == ScanStatus.Completed && s.Id != scan.Id)
            .OrderByDescending(s => s.Id).Select(s => s.RecordsRead).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task FinishAsync(long scanId, ScanStatus status, string? error, DuplicateScanResult? result)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // Only a row still running is finished here: a cancel written meanwhile by someone else stands.
        var running = db.DuplicateScans.Where(s => s.Id == scanId && s.Status == ScanStatus.Running);
        var finished = status == ScanStatus.Completed && result is not null
            ? await running.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ScanStatus.Completed).SetProperty(x => x.FinishedUtc, now)
                .SetProperty(x => x.Phase, ScanPhases.Done).SetProperty(x => x.Progress, 1)
                .SetProperty(x => x.RecordsRead, result.RecordCount).SetProperty(x => x.CandidatePairs, result.CandidatePairs)
                .SetProperty(x => x.PairsFound, result.Pairs.Count).SetProperty(x => x.Clusters, result.Clusters.Count)
                .SetProperty(x => x.DuplicateRecords, result.DuplicateRecords).SetProperty(x => x.DuplicateRate, result.DuplicateRate))
            : await running.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, status).SetProperty(x => x.FinishedUtc, now).SetProperty(x => x.Error, Truncate(error)));
        if (status != ScanStatus.Completed || finished == 0)
        {
            // A scan that did not complete shows no result: its partly stored pairs go.
            await db.DuplicateScanPairs.Where(p => p.ScanId == scanId).ExecuteDeleteAsync();
        }
        if (finished == 1)
        {
            await db.RaiseNowAsync(new ScanFinished(scanId, status.ToString()), now, CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
    }

    private static string? Truncate(string? text) => text is { Length: > 4000 } ? text[..3999] + "…" : text;
}
