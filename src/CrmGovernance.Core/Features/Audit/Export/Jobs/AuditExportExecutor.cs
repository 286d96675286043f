using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

/// <summary>
/// Runs one export as the person who asked for it (so its audit event names them), with the roles they hold now: someone
/// who lost the Admin and Auditor roles since asking gets no file. Every export ends on its row: completed, cancelled,
/// or failed with the reason. Scoped: one scope, and so one actor, per export.
/// </summary>
internal sealed class AuditExportExecutor(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, AuditExporter exporter, AuditExportFiles files,
    RunningWork running, TimeProvider clock, ILogger<AuditExportExecutor> logger)
{
    public const string NotAllowed = "The person who asked for this export is no longer allowed to export the audit log.";
    public const string Stopped = "The portal stopped while the export ran; export again.";

    /// <param name="cancel">Someone cancelled the export.</param>
    /// <param name="stopping">The process is shutting down.</param>
    public async Task RunAsync(Guid exportId, CancellationToken cancel, CancellationToken stopping)
    {
        if (await ClaimAsync(exportId, stopping) is not { } export)
        {
            return; // Cancelled while it waited, or taken already.
        }
        if (await CurrentRolesAsync(export.RequestedById, stopping) is not { } roles)
        {
            await FailAsync(exportId, NotAllowed);
            return;
        }
        actor.SetUser(export.RequestedById, export.RequestedByName, roles, AuditSources.Ui);
        actor.CorrelationId = exportId.ToString();

        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancel, stopping);
        try
        {
            var result = await WriteAsync(export, work, work.Token);
            await CompleteAsync(export, result);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            files.Delete(exportId);
            await FailAsync(exportId, Stopped);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            // The row says Cancelled already (written by whoever cancelled); only the half-written file goes.
            files.Delete(exportId);
        }
        catch (Exception e)
        {
            // Whatever went wrong, the export must end with a status and a reason, never stay "running".
            logger.LogError(e, "Audit export {ExportId} failed", exportId);
            files.Delete(exportId);
            await FailAsync(exportId, e is UnauthorizedAccessException ? NotAllowed : $"The export failed: {e.Message}");
        }
    }

    private async Task<AuditExportResult> WriteAsync(AuditExport export, CancellationTokenSource work, CancellationToken cancellationToken)
    {
        var filter = AuditExportFilterJson.Read(export.FilterJson);
        OwnerOnly.CreateFolder(files.Folder);
        var temp = files.TempPathOf(export.Id);
        AuditExportResult result;
        await using (var progress = new AuditExportProgressWriter(contexts, export.Id, work, clock))
        await using (var output = new FileStream(temp, OwnerOnly.NewFile(FileMode.Create, 256 * 1024)))
        {
            result = await exporter.ExportAsync(filter, output, new AuditExportOptions(export.RequestedByName), progress, cancellationToken);
        }
        // Renamed only when whole: the download never sees a half-written file.
        File.Move(temp, files.PathOf(export.Id), overwrite: true);
        return result;
    }

    /// <summary>The requester's roles now, or null when they no longer exist, are disabled, or may not export.</summary>
    private async Task<IReadOnlyList<string>?> CurrentRolesAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.IsDisabled }).FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return null;
        }
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name!)
            .ToListAsync(cancellationToken);
        return CapabilityTable.Of(Capability.ExportAudit).AnyRoles.Any(roles.Contains) ? roles : null;
    }

    private async Task<AuditExport?> ClaimAsync(Guid exportId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.AuditExports.Where(e => e.Id == exportId && e.Status == AuditExportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AuditExportStatus.Running).SetProperty(x => x.StartedUtc, now)
                .SetProperty(x => x.Node, running.Node).SetProperty(x => x.HeartbeatUtc, now), cancellationToken);
        return claimed == 0 ? null : await db.AuditExports.AsNoTracking().SingleAsync(e => e.Id == exportId, cancellationToken);
    }

    private async Task CompleteAsync(AuditExport export, AuditExportResult result)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = new FileInfo(files.PathOf(export.Id)).Length;
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // Only a row still running is finished here: a cancel written meanwhile stands, and its file goes.
        var finished = await db.AuditExports.Where(e => e.Id == export.Id && e.Status == AuditExportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AuditExportStatus.Completed).SetProperty(x => x.CompletedUtc, now)
                .SetProperty(x => x.RowsWritten, result.Entries).SetProperty(x => x.RowsTotal, result.Entries).SetProperty(x => x.FileBytes, bytes)
                .SetProperty(x => x.ChainIntact, result.Chain.IsIntact).SetProperty(x => x.HeadSequence, result.HeadSequence)
                .SetProperty(x => x.HeadHash, result.HeadHash), CancellationToken.None);
        if (finished == 1)
        {
            await db.RaiseNowAsync(new ExportFinished(export.Id, AuditExportStatus.Completed.ToString()), now, CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
        if (finished == 0)
        {
            files.Delete(export.Id);
        }
    }

    private async Task FailAsync(Guid exportId, string error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (await db.AuditExports.Where(e => e.Id == exportId && e.Status == AuditExportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AuditExportStatus.Failed).SetProperty(x => x.CompletedUtc, now)
                .SetProperty(x => x.Error, error.Length > 4000 ? error[..4000] : error), CancellationToken.None) == 1)
        {
            await db.RaiseNowAsync(new ExportFinished(exportId, AuditExportStatus.Failed.ToString()), now, CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
    }
}
