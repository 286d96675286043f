using CrmGovernance.Core.Tests;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit.Export.Jobs;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Tests.Features.Audit;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Audit;

/// <summary>Cancelling a running export and a restart in the middle of one, each on a portal of its own.</summary>
public sealed class AuditExportLifecycleTests
{
    private static readonly DemoAccounts.Account Auditor = DemoAccounts.All.Single(a => a.Role == Roles.Auditor);

    [Fact]
    public async Task Cancelling_a_running_export_stops_it_leaves_no_file_and_records_no_export()
    {
        // Without the demo nothing else writes to the database while the rows are seeded.
        using var host = new PortalHost(demo: false);
        var seed = new AuditExportSeed(host);
        const string email = "auditor@example.com";
        var auditorId = await PortalUsers.CreateAsync(host, email, "auditor of the quiet portal", Roles.Auditor);
        // Enough rows (three fields each) that the export is still writing when the cancel arrives.
        await SeedAuditRowsAsync(host, 100_000);
        var id = await seed.RequestAsync(auditorId, email, Roles.Auditor);
        await seed.WaitAsync(id, e => e.Status == AuditExportStatus.Running && e.RowsWritten > 0);

        var cancelled = await seed.AsAsync(auditorId, email, [Roles.Auditor], s => s.CancelAsync(id));

        Assert.True(cancelled);
        var export = await seed.FinishedAsync(id);
        Assert.Equal(AuditExportStatus.Cancelled, export.Status);
        Assert.Equal($"Cancelled by {email}.", export.Error);
        await WaitUntilAsync(() => !File.Exists(seed.Files.TempPathOf(id)), "the half-written file to be deleted");
        Assert.False(File.Exists(seed.Files.PathOf(id)));
        Assert.Null(await seed.AsAsync(auditorId, email, [Roles.Auditor], s => s.OpenAsync(id)));
        Assert.False(await ExportRecordedAsync(host, id));
    }

    [Fact]
    public async Task An_export_left_running_by_a_stopped_portal_is_failed_at_the_next_start_and_its_partial_file_deleted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crmgov-web-restart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // One database for both starts, on the run's engine.
        await using var database = await TestDatabase.CreateAsync(Path.Combine(folder, "crmgovernance.db"));
        var settings = database.Settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        try
        {
            Guid id;
            string partial;
            using (var before = new PortalHost(settings: settings))
            {
                var seed = new AuditExportSeed(before);
                var running = AuditExportSeed.Row(await seed.UserIdAsync(Auditor.Email), AuditExportStatus.Running);
                await seed.AddAsync(running);
                id = running.Id;
                partial = seed.Files.TempPathOf(id);
                Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
                await File.WriteAllTextAsync(partial, "half a workbook");
            }

            using var after = new PortalHost(settings: settings);
            var export = await new AuditExportSeed(after).FinishedAsync(id);

            Assert.Equal(AuditExportStatus.Failed, export.Status);
            Assert.Equal(AuditExportRetention.Interrupted, export.Error);
            Assert.NotNull(export.CompletedUtc);
            Assert.False(File.Exists(partial));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Appends rows in chunks, each under the portal's chain lock, so that an audit row the portal writes meanwhile
    /// neither claims the same sequence nor waits past its 30 s patience for the lock.
    /// </summary>
    private static async Task SeedAuditRowsAsync(PortalHost host, int rows)
    {
        const int chunk = 10_000;
        string connectionString;
        using (var scope = host.Services.CreateScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database.GetConnectionString()!;
        }
        var chain = host.Services.GetRequiredService<AuditChainLock>();
        var start = DateTime.UtcNow.AddDays(-30);
        for (var done = 0; done < rows; done += chunk)
        {
            await chain.WaitAsync(CancellationToken.None);
            try
            {
                var offset = done;
                await AuditRowSeeder.AppendAsync(connectionString, host.Services.GetRequiredService<AuditChainKey>(), Math.Min(chunk, rows - done), i => AuditRowSeeder.Synthetic(offset + i, start));
            }
            finally
            {
                chain.Release();
            }
        }
    }

    private static async Task<bool> ExportRecordedAsync(PortalHost host, Guid exportId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var correlation = exportId.ToString();
        return await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AuditExported && e.CorrelationId == correlation);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + AuditExportSeed.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
