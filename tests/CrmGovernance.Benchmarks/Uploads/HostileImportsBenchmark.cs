using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Benchmarks.Matching;
using CrmGovernance.Core.Features.Configuration.Workbook;
using CrmGovernance.Core.Features.Configuration.Yaml;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Tests.Features.Configuration.Workbook;
using CrmGovernance.Core.Tests.Features.Configuration.Yaml;

namespace CrmGovernance.Benchmarks.Uploads;

/// <summary>
/// What each hostile import costs now: the YAML and workbook files of the trust tests (built, not timed), each read by
/// the import as an upload would be, with wall clock, CPU and peak resident memory of the read alone, beside ordinary
/// files for scale. The last line is <c>hostile_import_max_ms=&lt;n&gt; hostile_import_peak_mb=&lt;n&gt;</c>.
/// </summary>
public sealed class HostileImportsBenchmark : IBenchmarkCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public string Name => "hostile-imports";

    public string Usage => "hostile YAML and workbook imports (deep brackets, alias bomb, zip bomb, too many cells, …): time and peak memory of each refusal";

    public Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine($"hostile-imports: {MemoryMeter.MachineLine()}");
        var c = DemoConfiguration.Build("owner@example.com", "steward@example.com");
        var flow = c.FindFlow(DemoConfiguration.WebFormFlow)!;
        var export = MappingWorkbook.Export(c, flow, 1);
        var big = c with { Fields = [.. Enumerable.Range(0, 100).SelectMany(i => c.Fields.Select(f => f with { Id = Guid.NewGuid(), Name = f.Name + i }))] };
        const string sheet = HostileWorkbooks.MappingsPart;
        (string Name, bool Hostile, Func<byte[]> Workbook)[] workbooks =
        [
            ("workbook: exported (demo flow)", false, () => export),
            ("workbook: 97,000 cells (accepted size, wrong header)", false, () => HostileWorkbooks.WithPart(export, sheet, HostileWorkbooks.Grid(9_700, 10))),
            ("workbook: zip bomb, one sheet of 40 MB", true, () => HostileWorkbooks.WithPart(export, sheet, HostileWorkbooks.Bomb)),
            ("workbook: zip bomb declaring 2,000 bytes", true, () => HostileWorkbooks.DeclaringSize(HostileWorkbooks.WithPart(export, sheet, HostileWorkbooks.Bomb), sheet, 2_000)),
            ("workbook: 3 parts of 12 MB", true, () => HostileWorkbooks.WithParts(export, [.. "abc".Select(x => ($"docProps/{x}.xml", (Action<StreamWriter>)(w => w.Write(new string(' ', 12 << 20)))))])),
            ("workbook: 20,001 rows", true, () => HostileWorkbooks.WithPart(export, sheet, HostileWorkbooks.Grid(20_001, 0))),
            ("workbook: 101,000 cells", true, () => HostileWorkbooks.WithPart(export, sheet, HostileWorkbooks.Grid(1_000, 101))),
            ("workbook: XML 50,000 deep", true, () => HostileWorkbooks.WithPart(export, sheet, HostileWorkbooks.Sheet(w =>
            {
                w.Write(string.Concat(Enumerable.Repeat("<row>", 50_000)));
                w.Write(string.Concat(Enumerable.Repeat("</row>", 50_000)));
            }))),
        ];
        (string Name, bool Hostile, Func<string> Yaml)[] yamls =
        [
            ("yaml: demo configuration", false, () => ConfigurationYaml.Export(c, 1)),
            ("yaml: 4,200 fields", false, () => ConfigurationYaml.Export(big, 1)),
            ("yaml: 50,000 nested [", true, () => HostileYaml.Brackets(50_000)),
            ("yaml: 1,000 nested mappings", true, () => HostileYaml.NestedMappings(1_000)),
            ("yaml: alias bomb, 9^10 strings", true, () => HostileYaml.AliasBomb(10, 9)),
            ("yaml: flat list of 500,001", true, () => HostileYaml.FlatList(YamlImportLimits.MaxNodes + 1)),
            ("yaml: 8 MB comment", true, () => "# " + new string('x', YamlImportLimits.MaxBytes) + "\n"),
        ];

        long worstMs = 0;
        double worstMb = 0;
        foreach (var (name, hostile, build) in yamls)
        {
            var yaml = build();
            var (ms, cpu, mb, outcome) = Measure(() => Outcome(ConfigurationYaml.Parse(yaml, c).Errors));
            Report(name, System.Text.Encoding.UTF8.GetByteCount(yaml), ms, cpu, mb, outcome);
            if (hostile)
            {
                (worstMs, worstMb) = (Math.Max(worstMs, ms), Math.Max(worstMb, mb));
            }
        }
        foreach (var (name, hostile, build) in workbooks)
        {
            var file = build();
            var (ms, cpu, mb, outcome) = Measure(() => Outcome(MappingWorkbookImport.Read(new MemoryStream(file), c, flow).Errors));
            Report(name, file.Length, ms, cpu, mb, outcome);
            if (hostile)
            {
                (worstMs, worstMb) = (Math.Max(worstMs, ms), Math.Max(worstMb, mb));
            }
        }
        Console.WriteLine(string.Create(C, $"hostile_import_max_ms={worstMs} hostile_import_peak_mb={worstMb:F0}"));
        return Task.FromResult(0);
    }

    /// <summary>Wall clock, CPU time (the figure to compare on a busy machine) and peak resident growth of one read.</summary>
    private static (long Ms, long CpuMs, double PeakMb, string Outcome) Measure(Func<string> read)
    {
        MemoryMeter.StartNewPeak();
        var before = MemoryMeter.PeakMegabytes();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcome = read();
        clock.Stop();
        process.Refresh();
        return (clock.ElapsedMilliseconds, (long)(process.TotalProcessorTime - cpu).TotalMilliseconds, MemoryMeter.PeakMegabytes() - before, outcome);
    }

    private static string Outcome(IReadOnlyList<string> errors) => errors.Count == 0 ? "read" : errors[0];

    private static void Report(string name, long bytes, long ms, long cpuMs, double mb, string outcome) =>
        Console.WriteLine(string.Create(C, $"{name,-55} {bytes,12:N0} B {ms,7:N0} ms ({cpuMs,6:N0} ms CPU)  +{mb,5:F0} MB  {outcome[..Math.Min(outcome.Length, 90)]}"));
}
