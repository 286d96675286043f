using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Benchmarks.Matching;
using CrmGovernance.Benchmarks.Sync;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>
/// The data-quality assessment of one system's object: a CRM's contacts table of <c>--records</c> rows and <c>--fields</c>
/// catalog columns of mixed kinds in SQLite (generated, not timed), then, timed, what the product does: the SQL connector
/// opened by the Core host's <see cref="IConnectorFactory"/>, <see cref="AssessmentReader.ReadAsync"/> into an
/// <see cref="AssessmentProfiler"/> (region GB, stale before 24 months ago), the findings and the scores. Wall clock and
/// peak resident memory of that part; the connector's read time apart from the profiling; with <c>--split 1</c> (default)
/// the profiling cost per kind of check over one page in memory, with <c>--split 2</c> also the table read without the
/// connector. The last line is <c>assess_seconds=&lt;n&gt; peak_mb=&lt;n&gt;</c>.
/// </summary>
public sealed class AssessBenchmark : IBenchmarkCommand
{
    private const string Region = "GB";
    private const int StaleMonths = 24;

    public string Name => "assess";

    public string Usage => "data-quality assessment of a SQLite CRM's contacts through the SQL connector: time, peak memory  [--records 1000000] [--fields 40] [--seed 20261126] [--split 1 (2: also the raw SQLite read)]";

    public async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var records = options.Number("records", 1_000_000);
        var fieldCount = options.Number("fields", QualityColumns.BaseCount);
        var seed = options.Number("seed", 20261126, min: 0);
        var split = options.Number("split", 1, min: 0);
        var c = CultureInfo.InvariantCulture;
        var anchor = DateTime.UtcNow.Date;
        var columns = QualityColumns.For(fieldCount, anchor);
        Console.WriteLine(string.Create(c,
            $"assess: {records:N0} contacts × {fieldCount} catalog fields in SQLite through the SQL connector, region {Region}, stale before {StaleMonths} months ago, seed {seed}; {MemoryMeter.MachineLine()}"));

        await using var host = await SyncBenchmarkHost.StartAsync(AssessConfiguration.Build(columns), telemetry: false, new Dictionary<string, string>(), null, cancellationToken);
        var generation = Stopwatch.StartNew();
        ContactsTable.Create(host.PathOf(AssessConfiguration.DatabaseFile), columns, records, seed, anchor);
        Console.WriteLine(string.Create(c,
            $"data generation (not measured): {generation.Elapsed.TotalSeconds:F1} s, {new FileInfo(host.PathOf(AssessConfiguration.DatabaseFile)).Length / 1024.0 / 1024.0:F0} MB file, updated_at over 4 years before {anchor:yyyy-MM-dd}"));

        // As the product assesses: the published system and its field catalog for the object.
        var configuration = (await host.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync(cancellationToken)).Configuration;
        var system = configuration.FindSystem(AssessConfiguration.Crm) ?? throw new InvalidOperationException("The CRM was not published.");
        var fields = configuration.Fields.Where(f => f.SystemId == system.Id && f.ObjectId == StandardObjects.Contact).ToList();
        var connectors = host.Services.GetRequiredService<IConnectorFactory>();
        var staleBefore = DateTime.UtcNow.AddMonths(-StaleMonths);

        var peakReset = MemoryMeter.StartNewPeak();
        Console.WriteLine(string.Create(c, $"before the assessment (the host): managed heap {MemoryMeter.ManagedHeapMegabytes():F0} MB, {ResidentSet.Line()}"));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen2Before = GC.CollectionCount(2);
        var cpuBefore = ScanProgressLog.ProcessCpu();
        var anonymous = new AnonymousPeak();
        var clock = Stopwatch.StartNew();
        var profiler = new AssessmentProfiler(fields, Region, staleBefore);
        TimeSpan read;
        int pages;
        string resident;
        await using (var connector = new ReadTimedConnector(connectors.OpenForFullRead(system)))
        {
            await AssessmentReader.ReadAsync(connector, AssessConfiguration.ObjectKey, system.Name, profiler, 0, (_, _) => Task.CompletedTask, cancellationToken);
            (read, pages, resident) = (connector.Read, connector.Pages, ResidentSet.Line());
        }
        var findings = profiler.Findings();
        var scores = QualityScores.From(profiler.Records, findings, null, profiler.WithUpdateTime, profiler.Stale);
        clock.Stop();
        await anonymous.DisposeAsync();
        var cpu = ScanProgressLog.ProcessCpu() - cpuBefore;
        var peak = MemoryMeter.PeakMegabytes();
        var managedAfter = GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024.0;
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0 / 1024.0;
        var seconds = clock.Elapsed.TotalSeconds;

        foreach (var line in AssessSummary.Lines(profiler, findings, scores))
        {
            Console.WriteLine(line);
        }
        Console.WriteLine(string.Create(c,
            $"assessment: {seconds:F1} s wall clock, {cpu.TotalSeconds:F1} s CPU ({cpu.TotalSeconds / seconds:F2} cores busy), {profiler.Records / seconds:N0} records/s, {pages} pages"));
        Console.WriteLine(string.Create(c,
            $"  connector read (query, rows to records): {read.TotalSeconds:F1} s, the reader reading the next page while it profiles one; the rest of the wall clock: {(clock.Elapsed - read).TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(c,
            $"  GC: {allocated:F2} GB allocated, {GC.CollectionCount(2) - gen2Before} gen2 collections, managed heap after {managedAfter:F0} MB"));
        Console.WriteLine("  " + resident + " (at the end of the read, the connection still open)");
        if (split > 0)
        {
            await using var again = connectors.Open(system);
            var page = await again.ReadChangesAsync(AssessConfiguration.ObjectKey, null, AssessmentReader.PageSize, cancellationToken);
            foreach (var line in ProfileCosts.Measure(page.Records, fields, Region, staleBefore, profiler.Records))
            {
                Console.WriteLine(line);
            }
        }
        if (split > 1)
        {
            foreach (var line in RawReadCost.Measure(host.PathOf(AssessConfiguration.DatabaseFile), columns.Count, read))
            {
                Console.WriteLine(line);
            }
        }
        Console.WriteLine(string.Create(c,
            $"peak resident memory: {peak:F0} MB during the assessment{(peakReset ? "" : " (not resettable here: whole process)")}, the host included; {MemoryMeter.MachineLine()}"));
        Console.WriteLine(string.Create(c,
            $"peak anonymous memory: {anonymous.Megabytes:F0} MB (heaps and SQLite's page cache; the rest of the peak is file-backed: the runtime's libraries and the source database SQLite maps)"));
        Console.WriteLine(string.Create(c, $"assess_seconds={seconds:F1} peak_mb={peak:F0}"));
        return profiler.Records == records ? 0 : 1;
    }
}
