using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit.Export;

public sealed class AuditExportAccessTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_steward_may_neither_export_nor_count_and_nothing_is_written()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 5, i => AuditRowSeeder.Synthetic(i, Start));
        await using var scope = host.ScopeAs("sam", Roles.Steward);
        var exporter = ActivatorUtilities.CreateInstance<AuditExporter>(scope.ServiceProvider);
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => exporter.ExportAsync(new AuditLogFilter(), output, new AuditExportOptions("sam")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => exporter.CountAsync(new AuditLogFilter()));
        Assert.Equal(0, output.Length);
        Assert.Equal(5, (await host.AuditRowsAsync()).Count);
    }

    [Fact]
    public async Task A_user_named_like_a_system_actor_is_still_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope(a => a.SetUser("id-x", "system:cli", [Roles.Manager], AuditSources.Ui));
        var exporter = ActivatorUtilities.CreateInstance<AuditExporter>(scope.ServiceProvider);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => exporter.CountAsync(new AuditLogFilter()));
    }

    [Fact]
    public async Task An_export_records_one_AuditExported_event_naming_the_exporter_filter_and_counts()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 20, i => AuditRowSeeder.Synthetic(i, Start));

        using var export = await ExportedWorkbook.ExportAsync(host, streamed: false, new AuditLogFilter(Action: AuditActions.Delete));

        var rows = await host.AuditRowsAsync();
        var recorded = Assert.Single(rows, r => r.Action == AuditActions.AuditExported);
        Assert.Equal(rows[^1].Sequence, recorded.Sequence);
        Assert.Equal(ExportedWorkbook.ExportedBy, recorded.ActorName);
        Assert.Equal("id-audrey", recorded.ActorId);
        using var details = JsonDocument.Parse(recorded.Changes);
        Assert.Equal("Action: Delete", details.RootElement.GetProperty("filter").GetString());
        Assert.Equal(4, details.RootElement.GetProperty("entries").GetInt64());
        Assert.Equal(12, details.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal(1, details.RootElement.GetProperty("sheets").GetInt32());
        Assert.False(details.RootElement.GetProperty("streamed").GetBoolean());
        Assert.Equal(20, details.RootElement.GetProperty("headSequence").GetInt64());
    }

    [Fact]
    public async Task A_system_actor_may_export_and_count_and_progress_ends_at_the_total()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 25, i => AuditRowSeeder.Synthetic(i, Start));
        var reports = new List<AuditExportProgress>();

        using var export = await ExportedWorkbook.ExportAsync(host, streamed: true, new AuditLogFilter(Source: AuditSources.Worker),
            actAs: a => a.SetSystem("cli (tester)", null), progress: new SynchronousProgress(reports.Add));

        Assert.Equal(9, export.Result.Entries);
        Assert.Equal(new AuditExportProgress(9, 9), reports[^1]);
        await using var scope = host.Scope(a => a.SetSystem("cli (tester)", null));
        var exporter = ActivatorUtilities.CreateInstance<AuditExporter>(scope.ServiceProvider);
        // The export's own event is a worker row now: one more.
        Assert.Equal(10, await exporter.CountAsync(new AuditLogFilter(Source: AuditSources.Worker)));
    }

    [Fact]
    public async Task A_cancelled_export_stops_and_records_no_event()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 30_000, i => AuditRowSeeder.Synthetic(i, Start));
        await using var scope = host.ScopeAs("audrey", Roles.Auditor);
        var exporter = ActivatorUtilities.CreateInstance<AuditExporter>(scope.ServiceProvider);
        using var cancel = new CancellationTokenSource();
        using var output = new MemoryStream();
        // Cancelled at the first progress report: the start (0 of 30,000), before any row is written.
        var progress = new SynchronousProgress(_ => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exporter.ExportAsync(
            new AuditLogFilter(), output, new AuditExportOptions("audrey", StyledRowLimit: 0), progress, cancel.Token));

        Assert.DoesNotContain(await host.AuditRowsAsync(), r => r.Action == AuditActions.AuditExported);
    }

    private sealed class SynchronousProgress(Action<AuditExportProgress> report) : IProgress<AuditExportProgress>
    {
        public void Report(AuditExportProgress value) => report(value);
    }
}
