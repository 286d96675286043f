using System.Runtime.InteropServices;
using CrmGovernance.Core.Features.Matching.Blocking;

namespace CrmGovernance.Core.Features.Matching;

/// <summary>The bulk load: a batch's records normalised on all cores, their keys sorted once, the blocks built in one pass.</summary>
public sealed partial class MatchIndex
{
    private const int PrepareChunk = 4096;

    /// <summary>Adds or replaces many records, as <see cref="Put"/> of each in order would (the last record of an id wins).</summary>
    public void PutRange(IReadOnlyList<MatchRecord> records) => PutRange(records, null);

    /// <summary>
    /// As <see cref="PutRange(IReadOnlyList{MatchRecord})"/>, reporting its phases: "preparing" (normalising and key
    /// hashes, on all cores), "sorting" (the (hash, record) pairs of all keys, by hash and within a block by
    /// <see cref="Scoring.RecordOrder"/>) and "building" (slots, then the blocks, each built or merged into once).
    /// </summary>
    public void PutRange(IReadOnlyList<MatchRecord> records, IProgress<ScanProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(records);
        var report = new ScanProgressReporter(progress);
        report.Report("preparing", 0);
        var count = records.Count;
        var prepared = new PreparedRecord[count];
        var hashes = new long[(long)Model.Keys.Count * count];
        InParallel(count, report, i => Hash(prepared[i] = Model.Prepare(records[i]), i, hashes, count));
        Build(prepared, hashes, report);
    }

    /// <summary>
    /// Normalises records on all cores for <see cref="PutPrepared"/>: a caller reading a large load in
    /// chunks keeps only their prepared form, then indexes all at once (one sort, no merging into blocks chunk by chunk).
    /// </summary>
    internal PreparedRecord[] Prepare(IReadOnlyList<MatchRecord> records)
    {
        var prepared = new PreparedRecord[records.Count];
        InParallel(records.Count, new ScanProgressReporter(null), i => prepared[i] = Model.Prepare(records[i]));
        return prepared;
    }

    /// <summary>As <see cref="PutRange(IReadOnlyList{MatchRecord})"/> for records prepared by <see cref="Prepare"/>.</summary>
    internal void PutPrepared(PreparedRecord[] prepared)
    {
        var count = prepared.Length;
        var hashes = new long[(long)Model.Keys.Count * count];
        var report = new ScanProgressReporter(null);
        InParallel(count, report, i => Hash(prepared[i], i, hashes, count));
        Build(prepared, hashes, report);
    }

    private void Build(PreparedRecord[] prepared, long[] hashes, ScanProgressReporter report)
    {
        report.Report("sorting", 0);
        var pairs = KeyPairs.Sort(hashes, prepared);
        report.Report("building", 0);
        pairs.Keep(Place(prepared));
        _blocks.AddSorted(pairs.Hashes, pairs.Records);
        report.Report("building", 1);
    }

    /// <summary>Writes the hash of key k of record i to [k × count + i] (0 = no key).</summary>
    private void Hash(PreparedRecord record, int i, long[] hashes, int count)
    {
        for (var k = 0; k < Model.Keys.Count; k++)
        {
            hashes[(long)k * count + i] = Model.KeyHash(record, k);
        }
    }

    /// <summary>Runs <paramref name="each"/> for 0 … count − 1 on all cores, in chunks; reports "preparing" by chunk.</summary>
    private static void InParallel(int count, ScanProgressReporter report, Action<int> each)
    {
        var chunks = (count + PrepareChunk - 1) / PrepareChunk;
        var done = 0;
        Parallel.For(0, chunks, chunk =>
        {
            var end = Math.Min(count, (chunk + 1) * PrepareChunk);
            for (var i = chunk * PrepareChunk; i < end; i++)
            {
                each(i);
            }
            report.Report("preparing", (double)Interlocked.Increment(ref done) / chunks);
        });
    }

    /// <summary>
    /// Gives each record a slot as Puts in order would: a replaced record's slot goes to its successor (taken out of its
    /// blocks first, while the blocks are still ordered), a new id takes a freed slot or a new one, and a later record of
    /// an id in the batch takes the earlier one's. Returns the slot of each record, -1 for one that lost its slot so.
    /// </summary>
    private int[] Place(PreparedRecord[] prepared)
    {
        if (_slots.Count > 0)
        {
            foreach (var record in prepared)
            {
                if (_slots.TryGetValue(record.Id, out var slot) && _records[slot] is { } old)
                {
                    Unblock(old, slot);
                    _population.Remove(old);
                    _records[slot] = null;
                }
            }
        }
        _slots.EnsureCapacity(_slots.Count + prepared.Length);
        var slots = new int[prepared.Length];
        for (var i = 0; i < prepared.Length; i++)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, prepared[i].Id, out var exists);
            if (!exists)
            {
                slot = NewSlot();
            }
            _records[slot] = prepared[i];
            slots[i] = slot;
        }
        for (var i = 0; i < prepared.Length; i++)
        {
            if (ReferenceEquals(_records[slots[i]], prepared[i]))
            {
                _population.Add(prepared[i]);
            }
            else
            {
                // Followed by another record of its id in the batch, which took its slot.
                slots[i] = -1;
            }
        }
        return slots;
    }
}
