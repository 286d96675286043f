using System.Data.Common;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

/// <summary>
/// Keeps the export rows and files in step: exports a stopped process left running are failed (their half-written
/// files deleted; this node's at its start, a dead node's whenever its heartbeat goes stale, never another live node's:
/// <see cref="RunningWork"/>), and files older than <see cref="AuditExportJobOptions.RetentionDays"/> are deleted, their row keeping
/// its figures and saying the file expired.
/// </summary>
public sealed class AuditExportRetention(IServiceScopeFactory scopes, AuditExportFiles files, IOptions<AuditExportJobOptions> options, RunningWork running,
    TimeProvider clock, ILogger<AuditExportRetention> logger)
{
    public const string Interrupted = "The export was interrupted by a restart of the portal; export again.";

    public static string Expired(int days) => $"The file expired: exports are kept for {days} days. Export again to get a fresh copy.";

    /// <summary>Fails the exports this node (or a dead one) left running; returns the queued ones, oldest first, to be taken up.</summary>
    public async Task<IReadOnlyList<Guid>> RecoverAsync(CancellationToken cancellationToken)
    {
        await FailCutOffAsync(atStart: true, cancellationToken);
        return await QueuedAsync(cancellationToken);
    }

    /// <summary>Fails the running exports whose node stopped (<see cref="RunningWork.IsCutOff"/>) and deletes their files; returns how many.</summary>
    internal async Task<int> FailCutOffAsync(bool atStart, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var runningNow = await db.AuditExports.Where(e => e.Status == AuditExportStatus.Running).Select(e => new { e.Id, e.Node, e.HeartbeatUtc })
            .ToListAsync(cancellationToken);
        var cutOff = runningNow.Where(e => running.IsCutOff(e.Node, e.HeartbeatUtc, atStart)).Select(e => e.Id).ToList();
        if (cutOff.Count == 0)
        {
            return 0;
        }
        var now = running.Now;
        var failed = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var id in cutOff)
            {
                // One row at a time, so ExportFinished goes, in the same transaction, with exactly the exports this
                // statement failed: the exports panel and other subscribers hear of it as of any other end.
                if (await db.AuditExports.Where(e => e.Id == id && e.Status == AuditExportStatus.Running)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AuditExportStatus.Failed).SetProperty(x => x.CompletedUtc, now)
                            .SetProperty(x => x.Error, Interrupted), cancellationToken) == 1)
                {
                    await db.RaiseNowAsync(new ExportFinished(id, nameof(AuditExportStatus.Failed)), now, cancellationToken);
                    failed++;
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var id in cutOff)
        {
            files.Delete(id);
        }
        return failed;
    }

    /// <summary>The queued exports, oldest first (requested on a node that does not run them).</summary>
    public async Task<IReadOnlyList<Guid>> QueuedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.AuditExports.Where(e => e.Status == AuditExportStatus.Queued).OrderBy(e => e.RequestedUtc).Select(e => e.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Deletes the files of exports completed longer ago than the retention period; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
            var expired = await db.AuditExports.Where(e => e.Status == AuditExportStatus.Completed && e.FileBytes > 0 && e.CompletedUtc < before)
                .Select(e => e.Id).ToListAsync(cancellationToken);
            foreach (var id in expired)
            {
                files.Delete(id);
            }
            // The row stays Completed with its figures (rows, head hash): only the file is gone.
            await db.AuditExports.Where(e => expired.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.FileBytes, 0L).SetProperty(x => x.Error, Expired(days)), cancellationToken);
            return expired.Count;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            // A busy database or a locked file waits for the next sweep.
            logger.LogWarning(e, "Deleting expired audit exports failed; trying again at the next sweep");
            return 0;
        }
    }
}
