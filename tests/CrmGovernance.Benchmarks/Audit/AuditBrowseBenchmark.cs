using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Benchmarks.Matching;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Tests.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Audit;

/// <summary>
/// The audit log page at scale: seeds synthetic hash-chained audit rows (not timed), then times
/// <see cref="AuditLogService.QueryAsync"/> for the first, middle and last page of each filter in
/// <see cref="AuditBrowseCases"/> (median of three runs each, after one untimed run). The last line is
/// <c>audit_page_ms_max=&lt;n&gt; rows=&lt;n&gt;</c>.
/// </summary>
public sealed class AuditBrowseBenchmark : IBenchmarkCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public string Name => "audit-browse";

    public string Usage => "audit log pages (first/middle/last) per filter at scale  [--rows 1000000] [--page-size 50] [--cases TEXT (names containing it)] [--database PATH (kept, reused)]";

    public async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var rows = options.Number("rows", 1_000_000);
        var pageSize = options.Number("page-size", 50);
        var databasePath = options.Text("database", "");
        var only = options.Text("cases", "");
        Console.WriteLine(string.Create(C, $"audit-browse: {rows:N0} audit rows, {pageSize} per page; {MemoryMeter.MachineLine()}"));

        await using var host = await AuditBenchmarkHost.StartAsync(databasePath.Length == 0 ? null : databasePath, cancellationToken);
        await host.SeedAsync(rows, i => AuditRowSeeder.Synthetic(i, AuditBrowseCases.Start, AuditBrowseCases.ChangeRequests));

        var worst = 0.0;
        await using var scope = host.AuditorScope();
        var log = scope.ServiceProvider.GetRequiredService<AuditLogService>();
        foreach (var (name, filter) in AuditBrowseCases.For(rows).Where(c => c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            var first = await log.QueryAsync(filter, 0, pageSize, cancellationToken);
            var pages = Math.Max(1, (first.Total + pageSize - 1) / pageSize);
            var times = new List<double>();
            foreach (var page in new[] { 0, pages / 2, pages - 1 })
            {
                times.Add(await MedianMillisecondsAsync(() => log.QueryAsync(filter, page, pageSize, cancellationToken)));
            }
            worst = Math.Max(worst, times.Max());
            Console.WriteLine(string.Create(C,
                $"{name,-24} matching {first.Total,9:N0}  first {times[0],6:F1} ms  middle {times[1],6:F1} ms  last {times[2],6:F1} ms"));
        }
        foreach (var (name, read) in new (string, Func<Task<int>>)[]
        {
            ("entity types", async () => (await log.EntityTypesAsync(cancellationToken)).Count),
            ("actors", async () => (await log.ActorsAsync(cancellationToken)).Count),
            ("sources", async () => (await log.SourcesAsync(cancellationToken)).Count),
        })
        {
            var ms = await MedianMillisecondsAsync(read);
            var values = await read();
            Console.WriteLine(string.Create(C, $"{name,-24} {values,9:N0} values  {ms,6:F1} ms"));
        }
        Console.WriteLine(string.Create(C, $"database: {host.DatabaseMegabytes():F0} MB"));
        var total = await host.AuditRowsAsync();
        Console.WriteLine(string.Create(C, $"audit_page_ms_max={worst:F0} rows={total}"));
        return 0;
    }

    private static async Task<double> MedianMillisecondsAsync<T>(Func<Task<T>> run)
    {
        await run();
        var samples = new double[3];
        for (var k = 0; k < samples.Length; k++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            samples[k] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return samples[1];
    }
}
