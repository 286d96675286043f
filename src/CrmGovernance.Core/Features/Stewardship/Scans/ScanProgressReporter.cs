using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// Takes a running scan's progress from any thread and writes the latest to its row once a second, so a scan of a
/// million records costs a few hundred small updates. The same write notices a cancel made in another process:
/// once the row is no longer running, it cancels the work. Each write also renews the scan's heartbeat (<see cref="RunningWork"/>).
/// </summary>
internal sealed class ScanProgressReporter : IProgress<ScanProgress>, IAsyncDisposable
{
    private readonly long _scanId;
    private readonly RunningRowUpdater _updater;
    private readonly TimeProvider _clock;
    private ScanProgress _latest = new(ScanPhases.Reading, 0);
    private long _recordsRead;

    /// <param name="scan">Cancelled when the row shows someone cancelled the scan.</param>
    /// <param name="clock">Dates the heartbeat each write renews.</param>
    public ScanProgressReporter(IDbContextFactory<CrmDbContext> contexts, long scanId, CancellationTokenSource scan, TimeProvider clock)
    {
        _scanId = scanId;
        _clock = clock;
        _updater = new RunningRowUpdater(contexts, scan, UpdateAsync);
    }

    public void Report(ScanProgress value) => Volatile.Write(ref _latest, value with { Fraction = Math.Clamp(value.Fraction, 0, 1) });

    /// <summary>Records read so far, and the share of all records that is, when it can be estimated (else 0).</summary>
    public void Read(long records, double fraction)
    {
        Interlocked.Exchange(ref _recordsRead, records);
        Report(new ScanProgress(ScanPhases.Reading, fraction));
    }

    private async Task<int> UpdateAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var progress = Volatile.Read(ref _latest);
        var read = Interlocked.Read(ref _recordsRead);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.DuplicateScans.Where(s => s.Id == _scanId && s.Status == ScanStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Phase, progress.Phase).SetProperty(x => x.Progress, progress.Fraction)
                .SetProperty(x => x.RecordsRead, read).SetProperty(x => x.HeartbeatUtc, _clock.GetUtcNow().UtcDateTime), cancellationToken);
        if (updated == 1)
        {
            await db.RaiseNowAsync(new ScanProgressed(_scanId, progress.Phase, progress.Fraction), DateTime.UtcNow, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    public ValueTask DisposeAsync() => _updater.DisposeAsync();
}
