using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

/// <summary>
/// Takes a running export's progress from the exporter and writes the latest to its row once a second, so a million-row
/// export costs a few dozen small updates. The same write notices a cancel (made here or in another process): once the
/// row is no longer running, it cancels the export. Each write also renews the export's heartbeat (<see cref="RunningWork"/>).
/// </summary>
internal sealed class AuditExportProgressWriter : IProgress<AuditExportProgress>, IAsyncDisposable
{
    private readonly Guid _exportId;
    private readonly RunningRowUpdater _updater;
    private readonly TimeProvider _clock;
    private long _written;
    private long _total;

    /// <param name="export">Cancelled when the row shows the export was cancelled.</param>
    /// <param name="clock">Dates the heartbeat each write renews.</param>
    public AuditExportProgressWriter(IDbContextFactory<CrmDbContext> contexts, Guid exportId, CancellationTokenSource export, TimeProvider clock)
    {
        _exportId = exportId;
        _clock = clock;
        _updater = new RunningRowUpdater(contexts, export, UpdateAsync);
    }

    public void Report(AuditExportProgress value)
    {
        Interlocked.Exchange(ref _total, value.EntriesTotal);
        Interlocked.Exchange(ref _written, value.EntriesWritten);
    }

    private async Task<int> UpdateAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var (written, total) = (Interlocked.Read(ref _written), Interlocked.Read(ref _total));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var running = db.AuditExports.Where(e => e.Id == _exportId && e.Status == AuditExportStatus.Running);
        var now = _clock.GetUtcNow().UtcDateTime;
        var updated = total > 0
            ? await running.ExecuteUpdateAsync(s => s.SetProperty(x => x.RowsWritten, written).SetProperty(x => x.RowsTotal, total).SetProperty(x => x.HeartbeatUtc, now), cancellationToken)
            : await running.ExecuteUpdateAsync(s => s.SetProperty(x => x.RowsWritten, written).SetProperty(x => x.HeartbeatUtc, now), cancellationToken);
        if (updated == 1)
        {
            await db.RaiseNowAsync(new ExportProgressed(_exportId, written, total), DateTime.UtcNow, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    public ValueTask DisposeAsync() => _updater.DisposeAsync();
}
