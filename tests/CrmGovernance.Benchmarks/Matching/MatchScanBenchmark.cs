using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// The duplicate scan at scale: synthetic contacts with a known truth (not timed), then <see cref="DuplicateFinder.Find"/>
/// with the default contact rule (timed), then its pairwise precision, recall and F1 against the truth and its peak
/// memory. The last line is <c>match_scan_seconds=&lt;n&gt; pairs=&lt;n&gt; f1=&lt;n&gt; peak_mb=&lt;n&gt;</c>.
/// </summary>
public sealed class MatchScanBenchmark : IBenchmarkCommand
{
    internal static readonly Guid RuleId = new("5ca1ab1e-0000-4000-8000-000000000001");
    internal static readonly Guid ContactObjectId = new("5ca1ab1e-0000-4000-8000-000000000002");

    public string Name => "match-scan";

    public string Usage => "duplicate scan of synthetic contacts: time, candidate pairs, F1, peak memory  [--records 1000000] [--seed 20261126]";

    public Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var count = options.Number("records", 1_000_000);
        var seed = options.Number("seed", 20261126, min: 0);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"match-scan: {count:N0} synthetic contacts, default contact rule, seed {seed}; {MemoryMeter.MachineLine()}"));

        var generation = Stopwatch.StartNew();
        var data = new ContactGenerator(seed).Generate(count);
        generation.Stop();
        foreach (var line in data.Statistics)
        {
            Console.WriteLine(line);
        }
        var generationPeak = MemoryMeter.PeakMegabytes();
        Console.WriteLine(string.Create(c, $"data generation (not measured): {generation.Elapsed.TotalSeconds:F1} s, peak {generationPeak:F0} MB"));

        var model = MatchModel.Compile(DefaultMatchRules.Contact(RuleId, ContactObjectId));
        var peakReset = MemoryMeter.StartNewPeak();
        Console.WriteLine(string.Create(c, $"before the scan: managed heap {MemoryMeter.ManagedHeapMegabytes():F0} MB (the records), resident {MemoryMeter.PeakMegabytes():F0} MB"));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpuBefore = ScanProgressLog.ProcessCpu();
        var clock = Stopwatch.StartNew();
        var progress = new ScanProgressLog(clock);
        var result = DuplicateFinder.Find(model, data.Records, progress, cancellationToken);
        clock.Stop();
        var cpuAfter = ScanProgressLog.ProcessCpu();
        var cpu = cpuAfter - cpuBefore;
        var scanPeak = MemoryMeter.PeakMegabytes();
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0 / 1024.0;
        var seconds = clock.Elapsed.TotalSeconds;

        Console.WriteLine(string.Create(c, $"scan: {seconds:F1} s wall clock, {cpu.TotalSeconds:F1} s CPU ({cpu.TotalSeconds / seconds:F2} cores busy); by phase (progress reports):"));
        foreach (var line in progress.Profile(clock.Elapsed, cpuAfter))
        {
            Console.WriteLine(line);
        }
        Console.WriteLine(string.Create(c,
            $"GC during the scan: {allocated:F2} GB allocated, collections gen0 {GC.CollectionCount(0) - collectionsBefore.Item1}, gen1 {GC.CollectionCount(1) - collectionsBefore.Item2}, gen2 {GC.CollectionCount(2) - collectionsBefore.Item3}, pause {GC.GetGCMemoryInfo(GCKind.Any).PauseTimePercentage:F1} % of the process's time"));

        var accuracy = PairwiseAccuracy.Of(result.Clusters, data.EntityOf, SyntheticContacts.PositionOf);
        var decisions = DecisionAccuracy.Of(result.Pairs, data);
        Console.WriteLine(string.Create(c, $"records: {result.RecordCount:N0}"));
        Console.WriteLine(string.Create(c, $"candidate pairs: {result.CandidatePairs:N0} = {(double)result.CandidatePairs / count:F1} per record (target at most 50)"));
        Console.WriteLine(string.Create(c, $"clusters: {result.Clusters.Count:N0}, largest {(result.Clusters.Count == 0 ? 0 : result.Clusters.Max(k => k.Count))}, duplicate rate {100 * result.DuplicateRate:F1} %"));
        foreach (var line in decisions.Lines())
        {
            Console.WriteLine(line);
        }
        Console.WriteLine(string.Create(c, $"pairwise over clusters: {accuracy.PredictedPairs:N0} predicted pairs, {accuracy.CorrectPairs:N0} correct, {accuracy.TruePairs:N0} true pairs"));
        Console.WriteLine(string.Create(c, $"precision: {accuracy.Precision:F4}"));
        Console.WriteLine(string.Create(c, $"recall: {accuracy.Recall:F4}"));
        Console.WriteLine(string.Create(c,
            $"peak resident memory: {scanPeak:F0} MB during the scan{(peakReset ? "" : " (not resettable here: whole process)")}; the data generation before it peaked at {generationPeak:F0} MB"));
        Console.WriteLine(string.Create(c, $"match_scan_seconds={seconds:F1} pairs={result.CandidatePairs} f1={accuracy.F1:F4} peak_mb={scanPeak:F0}"));
        return Task.FromResult(result.RecordCount == count ? 0 : 1);
    }
}
