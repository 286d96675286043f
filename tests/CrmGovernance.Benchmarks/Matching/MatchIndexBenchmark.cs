using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// Building a <see cref="MatchIndex"/> of synthetic contacts (generated, not timed) with the default contact rule by its
/// bulk load, <see cref="MatchIndex.PutRange(IReadOnlyList{MatchRecord}, IProgress{ScanProgress})"/> (timed, by phase);
/// <c>--chunk N</c> puts batches of N into the growing index instead (later batches merge into existing blocks).
/// <c>--compare-put 1</c> also builds it with one <see cref="MatchIndex.Put"/> a record and checks that both give the
/// same candidates. The last line is <c>match_index_build_seconds=&lt;n&gt;</c>.
/// </summary>
public sealed class MatchIndexBenchmark : IBenchmarkCommand
{
    private const int Checked = 2_000;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public string Name => "match-index";

    public string Usage => "bulk build of a match index of synthetic contacts, by phase  [--records 1000000] [--chunk 0 (one batch)] [--compare-put 0] [--seed 20261126]";

    public Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var count = options.Number("records", 1_000_000);
        var chunk = options.Number("chunk", 0, min: 0);
        var comparePut = options.Choice("compare-put", "0", "0", "1") == "1";
        var seed = options.Number("seed", 20261126, min: 0);
        Console.WriteLine(string.Create(C, $"match-index: {count:N0} synthetic contacts, default contact rule, {(chunk == 0 ? "one batch" : $"batches of {chunk:N0}")}, seed {seed}; {MemoryMeter.MachineLine()}"));

        var generation = Stopwatch.StartNew();
        var generator = new ContactGenerator(seed);
        var existing = generator.Generate(count);
        var incoming = comparePut ? generator.Incoming(existing, Checked) : [];
        Console.WriteLine(string.Create(C, $"data generation (not measured): {generation.Elapsed.TotalSeconds:F1} s"));
        var model = MatchModel.Compile(DefaultMatchRules.Contact(MatchScanBenchmark.RuleId, MatchScanBenchmark.ContactObjectId));

        var (seconds, bulkCandidates) = BuildInBulk(model, existing.Records, chunk, incoming, cancellationToken);
        if (comparePut)
        {
            var same = ComparePut(model, existing.Records, incoming, bulkCandidates, cancellationToken);
            Console.WriteLine(string.Create(C, $"same candidates (ids, order, scores) from both indexes for {same:N0} of {incoming.Count:N0} incoming records"));
            if (same != incoming.Count)
            {
                return Task.FromResult(1);
            }
        }
        Console.WriteLine(string.Create(C, $"match_index_build_seconds={seconds:F1}"));
        return Task.FromResult(0);
    }

    /// <summary>The timed bulk build; returns its seconds and the index's candidates for the incoming records (the index is dropped after).</summary>
    private static (double Seconds, List<IReadOnlyList<MatchCandidate>> Candidates) BuildInBulk(MatchModel model, IReadOnlyList<MatchRecord> records,
        int chunk, IReadOnlyList<IncomingContact> incoming, CancellationToken cancellationToken)
    {
        MemoryMeter.StartNewPeak();
        var heapBefore = Heap();
        var index = new MatchIndex(model);
        var cpuBefore = ScanProgressLog.ProcessCpu();
        var clock = Stopwatch.StartNew();
        var progress = new ScanProgressLog(clock);
        if (chunk == 0)
        {
            index.PutRange(records, progress);
        }
        else
        {
            foreach (var batch in records.Chunk(chunk))
            {
                cancellationToken.ThrowIfCancellationRequested();
                index.PutRange(batch);
            }
        }
        clock.Stop();
        var cpuAfter = ScanProgressLog.ProcessCpu();
        Console.WriteLine(string.Create(C,
            $"bulk build: {index.Count:N0} records in {clock.Elapsed.TotalSeconds:F1} s wall, {(cpuAfter - cpuBefore).TotalSeconds:F1} s CPU; peak resident {MemoryMeter.PeakMegabytes():F0} MB{(chunk == 0 ? "; by phase:" : "")}"));
        foreach (var line in chunk == 0 ? progress.Profile(clock.Elapsed, cpuAfter) : [])
        {
            Console.WriteLine(line);
        }
        MemoryMeter.StartNewPeak();
        Console.WriteLine(string.Create(C, $"managed heap: {heapBefore} before (the records), {Heap()} after the build"));
        return (clock.Elapsed.TotalSeconds, [.. incoming.Select(i => index.Match(i.Record))]);
    }

    /// <summary>Builds the index one Put a record (timed) and counts the incoming records it gives the same candidates as the bulk-built one.</summary>
    private static int ComparePut(MatchModel model, IReadOnlyList<MatchRecord> records, IReadOnlyList<IncomingContact> incoming,
        List<IReadOnlyList<MatchCandidate>> bulkCandidates, CancellationToken cancellationToken)
    {
        MemoryMeter.StartNewPeak();
        var index = new MatchIndex(model);
        var clock = Stopwatch.StartNew();
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            index.Put(record);
        }
        clock.Stop();
        Console.WriteLine(string.Create(C, $"one Put a record (compare): {index.Count:N0} records in {clock.Elapsed.TotalSeconds:F1} s; peak resident {MemoryMeter.PeakMegabytes():F0} MB"));
        MemoryMeter.StartNewPeak();
        Console.WriteLine(string.Create(C, $"managed heap after the Puts (the bulk-built index dropped): {Heap()}"));
        return incoming.Select((i, n) => Same(index.Match(i.Record), bulkCandidates[n])).Count(same => same);
    }

    /// <summary>The managed heap and, of it, what live objects take (after a full collection).</summary>
    private static string Heap() =>
        string.Create(C, $"{MemoryMeter.ManagedHeapMegabytes():F0} MB (objects {MemoryMeter.ManagedObjectsMegabytes():F0} MB)");

    private static bool Same(IReadOnlyList<MatchCandidate> a, IReadOnlyList<MatchCandidate> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Id == p.Second.Id && p.First.Score.Weight.Equals(p.Second.Score.Weight)
            && p.First.Score.Decision == p.Second.Score.Decision && p.First.Score.Explanations.SequenceEqual(p.Second.Score.Explanations));
}
