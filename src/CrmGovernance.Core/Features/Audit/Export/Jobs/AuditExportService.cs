using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

/// <summary>
/// Background exports of the audit log for the audit page (Admin and Auditor): asking for one, the list of one's own
/// exports (an Admin sees everyone's), cancelling, and opening a finished file. <see cref="AuditExportRunner"/> runs them.
/// </summary>
public sealed class AuditExportService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, AuditExportRunner runner, AuditExportFiles files,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>Queues an export of the filtered log for the current user; returns its id.</summary>
    public async Task<Guid> RequestAsync(AuditLogFilter filter, CancellationToken cancellationToken = default)
    {
        EnsureMayExport();
        var now = clock.GetUtcNow().UtcDateTime;
        var export = new AuditExport
        {
            Id = Guid.NewGuid(), RequestedById = actor.UserId ?? "", RequestedByName = actor.Name, RequestedUtc = now,
            FilterJson = AuditExportFilterJson.Write(filter), Status = AuditExportStatus.Queued,
            FileName = $"audit-log-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.xlsx",
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.AuditExports.Add(export);
            await db.SaveChangesAsync(cancellationToken);
        }
        runner.Enqueue(export.Id);
        return export.Id;
    }

    /// <summary>The current user's exports, newest first; an Admin's list holds everyone's.</summary>
    public async Task<PagedResult<AuditExport>> MineAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        EnsureMayExport();
        (page, pageSize) = (Math.Max(0, page), Math.Clamp(pageSize, 1, MaxPageSize));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Visible(db);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.RequestedUtc).ThenByDescending(e => e.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditExport>(rows, total);
    }

    /// <summary>One export, or null when it does not exist or belongs to someone else (and the user is no Admin).</summary>
    public async Task<AuditExport?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        EnsureMayExport();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Visible(db).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    /// <summary>Cancels a queued or running export of the user's (an Admin: anyone's); false when it had ended already.</summary>
    public async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken = default)
    {
        EnsureMayExport();
        var now = clock.GetUtcNow().UtcDateTime;
        var by = $"Cancelled by {actor.Name}.";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await Visible(db).Where(e => e.Id == id && (e.Status == AuditExportStatus.Queued || e.Status == AuditExportStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AuditExportStatus.Cancelled).SetProperty(x => x.CompletedUtc, now)
                .SetProperty(x => x.Error, by), cancellationToken);
        if (cancelled > 0)
        {
            await db.RaiseNowAsync(new ExportFinished(id, AuditExportStatus.Cancelled.ToString()), now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        // Here the work stops at once; an export running in another process notices at its next progress write.
        runner.Cancel(id);
        return cancelled > 0;
    }

    /// <summary>
    /// Opens a completed export's file for the person who asked for it or an Admin; null otherwise (unknown, someone
    /// else's, not finished, or its file deleted after the retention period).
    /// </summary>
    public async Task<AuditExportDownload?> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var export = await GetAsync(id, cancellationToken);
        if (export is not { Status: AuditExportStatus.Completed, FileBytes: > 0 })
        {
            return null;
        }
        try
        {
            var stream = new FileStream(files.PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
            return new AuditExportDownload(stream, export.FileName);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private IQueryable<AuditExport> Visible(CrmDbContext db)
    {
        var exports = db.AuditExports.AsNoTracking();
        // Admins see every export; an auditor sees their own.
        if (actor.HoldsEverywhere(Capability.ExportAudit))
        {
            return exports;
        }
        var me = actor.UserId ?? "";
        return exports.Where(e => e.RequestedById == me);
    }

    private void EnsureMayExport()
    {
        // Exports belong to a person (they are listed and downloaded by who asked): no system caller here.
        if (!actor.IsAuthenticated)
        {
            throw new UnauthorizedAccessException(CapabilityTable.Of(Capability.ExportAudit).Refusal);
        }
        actor.Ensure(Capability.ExportAudit);
    }
}
