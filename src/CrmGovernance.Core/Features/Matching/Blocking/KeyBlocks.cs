namespace CrmGovernance.Core.Features.Matching.Blocking;

/// <summary>
/// The blocks of one blocking key over a set of records: records (by index) sharing a key hash, block after block;
/// only blocks of two or more. Built by sorting hashes, so a million records take one array sort and no dictionary.
/// </summary>
internal sealed class KeyBlocks
{
    private KeyBlocks(int[] members, int[] starts)
    {
        Members = members;
        Starts = starts;
    }

    /// <summary>Record indices, block after block.</summary>
    public int[] Members { get; }

    /// <summary>Block b is Members[Starts[b] .. Starts[b + 1]).</summary>
    public int[] Starts { get; }

    public int BlockCount => Starts.Length - 1;

    public int SizeOf(int block) => Starts[block + 1] - Starts[block];

    /// <summary>Groups the records by their hash for this key (0 = no key).</summary>
    public static KeyBlocks Build(ReadOnlySpan<long> hashes)
    {
        var count = 0;
        foreach (var hash in hashes)
        {
            if (hash != 0)
            {
                count++;
            }
        }
        var keys = new long[count];
        var items = new int[count];
        for (int i = 0, j = 0; i < hashes.Length; i++)
        {
            if (hashes[i] != 0)
            {
                keys[j] = hashes[i];
                items[j++] = i;
            }
        }
        Array.Sort(keys, items);
        var members = new List<int>();
        var starts = new List<int> { 0 };
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                for (var i = start; i < end; i++)
                {
                    members.Add(items[i]);
                }
                starts.Add(members.Count);
            }
            start = end;
        }
        return new KeyBlocks([.. members], [.. starts]);
    }

    public long PlannedPairs(BlockingLimits limits)
    {
        long pairs = 0;
        for (var b = 0; b < BlockCount; b++)
        {
            pairs += limits.PairsOf(SizeOf(b));
        }
        return pairs;
    }

    public bool HasBlockOver(int size)
    {
        for (var b = 0; b < BlockCount; b++)
        {
            if (SizeOf(b) > size)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Sorts each oversized block by the records' ranks in <see cref="RecordOrder"/> and writes each member's place in
    /// it to <paramref name="positions"/> (indexed by record); members of blocks compared in full get -1.
    /// </summary>
    public void OrderLargeBlocks(int[]? ranks, BlockingLimits limits, Span<int> positions)
    {
        int[]? memberRanks = null;
        for (var b = 0; b < BlockCount; b++)
        {
            var start = Starts[b];
            var size = SizeOf(b);
            if (size <= limits.MaxBlockSize || ranks is null)
            {
                for (var i = start; i < start + size; i++)
                {
                    positions[Members[i]] = -1;
                }
                continue;
            }
            memberRanks ??= new int[Members.Length];
            for (var i = start; i < start + size; i++)
            {
                memberRanks[i] = ranks[Members[i]];
            }
            Array.Sort(memberRanks, Members, start, size);
            for (var i = 0; i < size; i++)
            {
                positions[Members[start + i]] = i;
            }
        }
    }
}
