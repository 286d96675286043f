using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Audit.Export.Jobs;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Audit;

/// <summary>Asks a real portal for audit exports as a given user, follows them on their rows, and writes rows straight in.</summary>
internal sealed class AuditExportSeed(PortalHost host)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public async Task<string> UserIdAsync(string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Runs <paramref name="call"/> on the export service as the user, holding the roles their session claims.</summary>
    public async Task<T> AsAsync<T>(string userId, string name, string[] roles, Func<AuditExportService, Task<T>> call)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser(userId, name, roles, AuditSources.Ui);
        return await call(scope.ServiceProvider.GetRequiredService<AuditExportService>());
    }

    public Task<Guid> RequestAsync(string userId, string name, string role, AuditLogFilter? filter = null) =>
        AsAsync(userId, name, [role], s => s.RequestAsync(filter ?? new AuditLogFilter()));

    public async Task<AuditExport> GetAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.AuditExports.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    /// <summary>The export's row once it satisfies <paramref name="done"/> (polled), or a failure naming its last state.</summary>
    public async Task<AuditExport> WaitAsync(Guid id, Func<AuditExport, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var export = await GetAsync(id);
            if (done(export))
            {
                return export;
            }
            Assert.True(DateTime.UtcNow < until, $"Export {id} is still {export.Status} ({export.RowsWritten}/{export.RowsTotal}) {export.Error}");
            await Task.Delay(100);
        }
    }

    public Task<AuditExport> FinishedAsync(Guid id) =>
        WaitAsync(id, e => e.Status is not (AuditExportStatus.Queued or AuditExportStatus.Running));

    public async Task AddAsync(AuditExport export)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.AuditExports.Add(export);
        await db.SaveChangesAsync();
    }

    public async Task UpdateAsync(Guid id, Action<AuditExport> change)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var export = await db.AuditExports.SingleAsync(e => e.Id == id);
        change(export);
        // With its operations event in the same save, as the export's progress writer and executor write them.
        if (export.Status is AuditExportStatus.Completed or AuditExportStatus.Failed)
        {
            db.Raise(new ExportFinished(export.Id, export.Status.ToString()), DateTime.UtcNow);
        }
        else if (export.Status == AuditExportStatus.Running)
        {
            db.Raise(new ExportProgressed(export.Id, export.RowsWritten, export.RowsTotal), DateTime.UtcNow);
        }
        await db.SaveChangesAsync();
    }

    public AuditExportFiles Files => host.Services.GetRequiredService<AuditExportFiles>();

    public static AuditExport Row(string userId, AuditExportStatus status) => new()
    {
        Id = Guid.NewGuid(), RequestedById = userId, RequestedByName = "seeded@example.com", RequestedUtc = DateTime.UtcNow.AddMinutes(-5),
        Status = status, FileName = "audit-log-seeded.xlsx", StartedUtc = status == AuditExportStatus.Queued ? null : DateTime.UtcNow.AddMinutes(-4),
    };
}
