using System.Collections.Concurrent;
using CrmGovernance.Core.Features.Matching.Blocking;
using CrmGovernance.Core.Features.Matching.Clustering;
using CrmGovernance.Core.Features.Matching.Scoring;

namespace CrmGovernance.Core.Features.Matching;

/// <summary>Finds duplicate clusters inside one set of records: blocking, scoring of candidate pairs, clustering of auto-matches.</summary>
public static class DuplicateFinder
{
    private const int PrepareChunk = 4096;

    public static DuplicateScanResult Find(MatchModel model, IReadOnlyList<MatchRecord> records, IProgress<ScanProgress>? progress,
        CancellationToken cancellationToken) => Find(model, records, BlockingLimits.Default, progress, cancellationToken);

    /// <summary>As <see cref="Find(MatchModel, IReadOnlyList{MatchRecord}, IProgress{ScanProgress}?, CancellationToken)"/>, with explicit blocking limits.</summary>
    public static DuplicateScanResult Find(MatchModel model, IReadOnlyList<MatchRecord> records, BlockingLimits limits,
        IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(limits);
        var count = records.Count;
        var keyCount = model.Keys.Count;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        var report = new ScanProgressReporter(progress);

        report.Report("preparing", 0);
        var prepared = new PreparedRecord[count];
        var hashes = new long[(long)keyCount * count];
        var chunks = (count + PrepareChunk - 1) / PrepareChunk;
        var done = 0;
        Parallel.For(0, chunks, options, chunk =>
        {
            var end = Math.Min(count, (chunk + 1) * PrepareChunk);
            for (var i = chunk * PrepareChunk; i < end; i++)
            {
                var record = prepared[i] = model.Prepare(records[i]);
                for (var k = 0; k < keyCount; k++)
                {
                    hashes[(long)k * count + i] = model.KeyHash(record, k);
                }
            }
            // Normalising is most of this phase; building the blocks is the last tenth.
            report.Report("preparing", 0.9 * Interlocked.Increment(ref done) / chunks);
        });

        var unique = IdenticalRecords.Collapse(prepared, hashes, keyCount, out var representativeOf);
        var distinct = Array.ConvertAll(unique, i => prepared[i]);
        var n = distinct.Length;
        var blocks = new KeyBlocks[keyCount];
        Parallel.For(0, keyCount, options, k => blocks[k] = KeyBlocks.Build(hashes.AsSpan(k * n, n)));
        while (!limits.IsTightest && blocks.Sum(b => b.PlannedPairs(limits)) > (long)limits.MaxPairsPerRecord * n)
        {
            limits = limits.Tighter();
        }
        // Oversized blocks are walked in one order of the records' values; ranking the records once makes sorting
        // each block a sort of numbers.
        var ranks = blocks.Any(b => b.HasBlockOver(limits.MaxBlockSize)) ? Ranks(distinct) : null;
        var positions = new int[(long)keyCount * n];
        Parallel.For(0, keyCount, options, k => blocks[k].OrderLargeBlocks(ranks, limits, positions.AsSpan(k * n, n)));
        report.Report("preparing", 1);

        // Company words are counted once per distinct record: 200 copies of one company do not make its own name common.
        var population = new MatchPopulation();
        for (var i = 0; i < count; i++)
        {
            population.Add(prepared[i], countCompanyWords: representativeOf[i] == i);
        }
        var sweep = new PairSweep(model, distinct, hashes, positions, limits, population);
        var hits = new ConcurrentBag<List<ScoredHit>>();
        long candidates = 0;
        for (var k = 0; k < keyCount; k++)
        {
            var ranges = Ranges(blocks[k]);
            var finished = 0;
            var key = k;
            Parallel.For(0, ranges.Count, options, () => (Hits: new List<ScoredHit>(), Compared: 0L), (r, _, local) =>
            {
                local.Compared += sweep.Run(key, blocks[key], ranges[r].Start, ranges[r].End, local.Hits);
                report.Report("comparing", (key + (double)Interlocked.Increment(ref finished) / ranges.Count) / keyCount);
                return local;
            }, local =>
            {
                hits.Add(local.Hits);
                Interlocked.Add(ref candidates, local.Compared);
            });
        }
        var copyHits = sweep.Copies(prepared, representativeOf);
        candidates += count - n;

        report.Report("clustering", 0);
        var between = hits.SelectMany(h => h).ToList();
        var copies = new int[n];
        var slotOf = new Dictionary<int, int>(n);
        for (var x = 0; x < n; x++)
        {
            slotOf[unique[x]] = x;
        }
        foreach (var representative in representativeOf)
        {
            copies[slotOf[representative]]++;
        }
        bool IsAutoMatch(int left, int right, double weight) => model.Decide(prepared[left], prepared[right], MatchModel.Probability(weight)) == MatchDecision.AutoMatch;
        var distinctClusters = AutoMatchClusters.Build(n, between, h => IsAutoMatch(unique[h.Left], unique[h.Right], h.Weight), copies, model.ClusterSupport);
        var clusters = IdenticalRecords.Expand(distinctClusters, unique, copyHits.Where(h => IsAutoMatch(h.Left, h.Right, h.Weight)));
        var all = between.Select(h => new ScoredHit(unique[h.Left], unique[h.Right], h.Weight)).Concat(copyHits).ToList();
        var pairs = all
            .Select(h => ToPair(model, prepared[h.Left], prepared[h.Right], h.Weight))
            .OrderByDescending(p => p.Probability).ThenBy(p => p.LeftId, StringComparer.Ordinal).ThenBy(p => p.RightId, StringComparer.Ordinal)
            .ToList();
        var idClusters = clusters
            .Select(c => (IReadOnlyList<string>)[.. c.Select(i => prepared[i].Id).Order(StringComparer.Ordinal)])
            .OrderBy(c => c[0], StringComparer.Ordinal)
            .ToList();
        report.Report("clustering", 1);
        return new DuplicateScanResult(count, candidates, pairs, idClusters) { TermFrequencyWords = population.CompanyWordCount };
    }

    private static ScoredPair ToPair(MatchModel model, PreparedRecord a, PreparedRecord b, double weight)
    {
        var probability = MatchModel.Probability(weight);
        var decision = model.Decide(a, b, probability);
        return string.CompareOrdinal(a.Id, b.Id) <= 0
            ? new ScoredPair(a.Id, b.Id, probability, decision)
            : new ScoredPair(b.Id, a.Id, probability, decision);
    }

    /// <summary>Each record's place when all are sorted by <see cref="RecordOrder"/>.</summary>
    private static int[] Ranks(PreparedRecord[] records)
    {
        var order = new int[records.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, Comparer<int>.Create((a, b) => RecordOrder.Instance.Compare(records[a], records[b])));
        var ranks = new int[records.Length];
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r;
        }
        return ranks;
    }

    /// <summary>Runs of whole blocks with about 2,000 members each: the unit of parallel work.</summary>
    private static List<(int Start, int End)> Ranges(KeyBlocks blocks)
    {
        var ranges = new List<(int, int)>();
        var start = 0;
        var members = 0;
        for (var b = 0; b < blocks.BlockCount; b++)
        {
            members += blocks.SizeOf(b);
            if (members >= 2_000)
            {
                ranges.Add((start, b + 1));
                start = b + 1;
                members = 0;
            }
        }
        if (start < blocks.BlockCount)
        {
            ranges.Add((start, blocks.BlockCount));
        }
        return ranges;
    }
}
