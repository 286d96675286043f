using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrmGovernance.Benchmarks.Matching;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Tests.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Audit;

/// <summary>
/// The audit export at scale: seeds audit rows with one changed field each, so sheet rows equal audit rows (not timed),
/// then runs <see cref="AuditExporter.ExportAsync"/> over the whole log as a system actor (the CLI and the background
/// job run it so) into a temp file, timing the wall clock and the peak resident memory of the export alone.
/// The last line is <c>audit_export_seconds=&lt;n&gt; peak_mb=&lt;n&gt;</c>.
/// </summary>
public sealed class AuditExportBenchmark : IBenchmarkCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public string Name => "audit-export";

    public string Usage => "export the whole audit log to .xlsx: time, peak memory  [--rows 1000000] [--database PATH (kept, reused)]";

    public async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var rows = options.Number("rows", 1_000_000);
        var databasePath = options.Text("database", "");
        Console.WriteLine(string.Create(C, $"audit-export: {rows:N0} audit rows, one changed field each; {MemoryMeter.MachineLine()}"));

        await using var host = await AuditBenchmarkHost.StartAsync(databasePath.Length == 0 ? null : databasePath, cancellationToken);
        await host.SeedAsync(rows, OneField);
        var file = Path.Combine(Path.GetTempPath(), "crmgov-bench-audit-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            var peakReset = MemoryMeter.StartNewPeak();
            var clock = Stopwatch.StartNew();
            AuditExportResult result;
            await using (var scope = host.Scope(a => a.SetSystem("benchmark", null)))
            await using (var output = File.Create(file))
            {
                var exporter = scope.ServiceProvider.GetRequiredService<AuditExporter>();
                result = await exporter.ExportAsync(new AuditLogFilter(), output, new AuditExportOptions("system:benchmark"), null, cancellationToken);
            }
            clock.Stop();
            var peak = MemoryMeter.PeakMegabytes();
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(C,
                $"export: {result.Entries:N0} audit rows as {result.Rows:N0} sheet rows on {result.Sheets} sheet(s), {(result.Streamed ? "streamed" : "styled")}, chain {(result.Chain.IsIntact ? "intact" : "BROKEN")}"));
            Console.WriteLine(string.Create(C,
                $"file: {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB; {rows / seconds:N0} rows/s; peak resident {peak:F0} MB{(peakReset ? "" : " (not resettable here: whole process)")}"));
            Console.WriteLine(string.Create(C, $"audit_export_seconds={seconds:F1} peak_mb={peak:F0}"));
            return result.Entries >= rows && result.Chain.IsIntact ? 0 : 1;
        }
        finally
        {
            File.Delete(file);
        }
    }

    // A synthetic row cut to its first changed field: one audit row, one sheet row.
    private static AuditEntry OneField(long i)
    {
        var row = AuditRowSeeder.Synthetic(i, AuditBrowseCases.Start, AuditBrowseCases.ChangeRequests);
        using var changes = JsonDocument.Parse(row.Changes);
        row.Changes = "[" + changes.RootElement[0].GetRawText() + "]";
        return row;
    }
}
