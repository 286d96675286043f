using CrmGovernance.Core.Features.Matching.Scoring;

namespace CrmGovernance.Core.Features.Matching.Blocking;

/// <summary>
/// A batch's blocking keys as (hash, record) pairs, sorted by hash and, within one hash, by the records'
/// <see cref="RecordOrder"/>: what <see cref="BlockIndex.AddSorted"/> builds blocks from. Hashes of all keys share
/// one sort, as they share one dictionary in the index.
/// </summary>
internal sealed class KeyPairs
{
    private readonly long[] _hashes;
    private readonly int[] _records;
    private int _count;

    private KeyPairs(long[] hashes, int[] records, int count) => (_hashes, _records, _count) = (hashes, records, count);

    public ReadOnlySpan<long> Hashes => _hashes.AsSpan(0, _count);

    /// <summary>Record indices in the batch, or slots after <see cref="Keep"/>.</summary>
    public ReadOnlySpan<int> Records => _records.AsSpan(0, _count);

    /// <summary>
    /// Sorts the pairs of the non-zero <paramref name="hashes"/> (key k of record i at [k × count + i]; the array is
    /// reused for the pairs' hashes).
    /// </summary>
    public static KeyPairs Sort(long[] hashes, PreparedRecord[] prepared)
    {
        var count = prepared.Length;
        var pairs = 0;
        foreach (var hash in hashes)
        {
            pairs += hash == 0 ? 0 : 1;
        }
        var records = new int[pairs];
        for (long at = 0, j = 0; at < hashes.LongLength; at++)
        {
            if (hashes[at] != 0)
            {
                hashes[j] = hashes[at];
                records[j++] = (int)(at % count);
            }
        }
        var ranks = RecordRanks.Of(prepared);
        // Negative hashes sort before the others: the two halves are sorted on two cores.
        var split = PartitionBySign(hashes, records, pairs);
        Parallel.Invoke(
            () => SortRange(hashes, records, 0, split, ranks),
            () => SortRange(hashes, records, split, pairs - split, ranks));
        return new KeyPairs(hashes, records, pairs);
    }

    /// <summary>Replaces each record index i by <paramref name="slots"/>[i], leaving out the pairs of records whose slot is -1.</summary>
    public void Keep(int[] slots)
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (slots[_records[i]] is var slot and >= 0)
            {
                _hashes[kept] = _hashes[i];
                _records[kept++] = slot;
            }
        }
        _count = kept;
    }

    /// <summary>Moves the pairs with a negative hash to the front; returns how many there are.</summary>
    private static int PartitionBySign(long[] hashes, int[] records, int count)
    {
        int low = 0, high = count - 1;
        while (true)
        {
            while (low <= high && hashes[low] < 0)
            {
                low++;
            }
            while (low <= high && hashes[high] >= 0)
            {
                high--;
            }
            if (low >= high)
            {
                return low;
            }
            (hashes[low], hashes[high]) = (hashes[high], hashes[low]);
            (records[low], records[high]) = (records[high], records[low]);
        }
    }

    /// <summary>Sorts a range by hash, then the records of each block of two or more by their rank in <see cref="RecordOrder"/>.</summary>
    private static void SortRange(long[] hashes, int[] records, int start, int length, int[] ranks)
    {
        Array.Sort(hashes, records, start, length);
        var keys = Array.Empty<int>();
        var end = start + length;
        for (var first = start; first < end;)
        {
            var next = first + 1;
            while (next < end && hashes[next] == hashes[first])
            {
                next++;
            }
            var size = next - first;
            if (size > 1)
            {
                if (keys.Length < size)
                {
                    keys = new int[Math.Max(size, 2 * keys.Length)];
                }
                var block = records.AsSpan(first, size);
                for (var i = 0; i < size; i++)
                {
                    keys[i] = ranks[block[i]];
                }
                keys.AsSpan(0, size).Sort(block);
            }
            first = next;
        }
    }
}
