using System.Data.Common;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Matching.Scans;

/// <summary>
/// Takes a running scan's progress from any thread and writes the latest to its row once a second, so a scan of a
/// million records costs a few hundred small updates. The same write notices a cancel made in another process:
/// once the row is no longer running, it cancels the work.
/// </summary>
internal sealed class ScanProgressReporter : IProgress<ScanProgress>, IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IDbContextFactory<CrmDbContext> _contexts;
    private readonly long _scanId;
    private readonly CancellationTokenSource _scan;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private ScanProgress _latest = new(ScanPhases.Reading, 0);
    private long _recordsRead;

    /// <param name="scan">Cancelled when the row shows someone cancelled the scan.</param>
    public ScanProgressReporter(IDbContextFactory<CrmDbContext> contexts, long scanId, CancellationTokenSource scan)
    {
        _contexts = contexts;
        _scanId = scanId;
        _scan = scan;
        _loop = Task.Run(WriteLoopAsync);
    }

    public void Report(ScanProgress value) => Volatile.Write(ref _latest, value with { Fraction = Math.Clamp(value.Fraction, 0, 1) });

    /// <summary>Records read so far, and the share of all records that is, when it can be estimated (else 0).</summary>
    public void Read(long records, double fraction)
    {
        Interlocked.Exchange(ref _recordsRead, records);
        Report(new ScanProgress(ScanPhases.Reading, fraction));
    }

    private async Task WriteLoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await WriteAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The scan ended; its final figures are written by whoever ran it.
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var progress = Volatile.Read(ref _latest);
        var read = Interlocked.Read(ref _recordsRead);
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var updated = await db.DuplicateScans.Where(s => s.Id == _scanId && s.Status == ScanStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Phase, progress.Phase).SetProperty(x => x.Progress, progress.Fraction)
                    .SetProperty(x => x.RecordsRead, read), cancellationToken);
            if (updated == 0)
            {
                await _scan.CancelAsync();
            }
        }
        catch (DbException)
        {
            // A busy database delays this figure to the next tick; the scan itself goes on.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
