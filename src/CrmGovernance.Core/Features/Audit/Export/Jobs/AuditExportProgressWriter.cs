using System.Data.Common;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

/// <summary>
/// Takes a running export's progress from the exporter and writes the latest to its row once a second, so a million-row
/// export costs a few dozen small updates. The same write notices a cancel (made here or in another process): once the
/// row is no longer running, it cancels the export.
/// </summary>
internal sealed class AuditExportProgressWriter : IProgress<AuditExportProgress>, IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IDbContextFactory<CrmDbContext> _contexts;
    private readonly Guid _exportId;
    private readonly CancellationTokenSource _export;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _written;
    private long _total;

    /// <param name="export">Cancelled when the row shows the export was cancelled.</param>
    public AuditExportProgressWriter(IDbContextFactory<CrmDbContext> contexts, Guid exportId, CancellationTokenSource export)
    {
        _contexts = contexts;
        _exportId = exportId;
        _export = export;
        _loop = Task.Run(WriteLoopAsync);
    }

    public void Report(AuditExportProgress value)
    {
        Interlocked.Exchange(ref _total, value.EntriesTotal);
        Interlocked.Exchange(ref _written, value.EntriesWritten);
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
            // The export ended; its final figures are written by whoever ran it.
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var (written, total) = (Interlocked.Read(ref _written), Interlocked.Read(ref _total));
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var running = db.AuditExports.Where(e => e.Id == _exportId && e.Status == AuditExportStatus.Running);
            var updated = total > 0
                ? await running.ExecuteUpdateAsync(s => s.SetProperty(x => x.RowsWritten, written).SetProperty(x => x.RowsTotal, total), cancellationToken)
                : await running.ExecuteUpdateAsync(s => s.SetProperty(x => x.RowsWritten, written), cancellationToken);
            if (updated == 0)
            {
                await _export.CancelAsync();
            }
        }
        catch (DbException)
        {
            // A busy database delays this figure to the next tick; the export itself goes on.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
