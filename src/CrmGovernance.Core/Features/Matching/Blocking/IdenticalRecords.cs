namespace CrmGovernance.Core.Features.Matching.Blocking;

/// <summary>
/// Records whose normalised values are all equal (the same company typed the same way 70 times). One of them stands
/// for all in blocking, so that copies never fill an oversized block's window and push the other spellings out of
/// reach; the others are scored against it directly.
/// </summary>
internal static class IdenticalRecords
{
    /// <summary>
    /// The indices of the records that stand for their copies (ascending), and each record's representative. The
    /// key hashes (<paramref name="keyCount"/> runs of <c>records.Length</c>) are compacted in place to the
    /// representatives' (<paramref name="keyCount"/> runs of the result's length).
    /// </summary>
    public static int[] Collapse(PreparedRecord[] records, long[] hashes, int keyCount, out int[] representativeOf)
    {
        var count = records.Length;
        // Sorted by the hash of the values, then by index: copies stand next to each other, the earliest first.
        var keys = new long[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = (long)HashOf(records[i].Values) << 32 | (uint)i;
        }
        Array.Sort(keys);
        var order = Array.ConvertAll(keys, key => (int)(key & 0xFFFFFFFF));
        var valueHashes = Array.ConvertAll(keys, key => (int)(key >> 32));
        var representatives = new int[count];
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && valueHashes[end] == valueHashes[start])
            {
                end++;
            }
            for (var x = start; x < end; x++)
            {
                var i = order[x];
                representatives[i] = i;
                for (var y = start; y < x; y++)
                {
                    var j = order[y];
                    if (representatives[j] == j && SameValues(records[i].Values, records[j].Values))
                    {
                        representatives[i] = j;
                        break;
                    }
                }
            }
            start = end;
        }
        // Runs of equal hashes with distinct values keep every member: the earliest copy stands for the rest.
        var unique = Enumerable.Range(0, count).Where(i => representatives[i] == i).ToArray();
        representativeOf = representatives;
        for (var k = 0; k < keyCount; k++)
        {
            for (var x = 0; x < unique.Length; x++)
            {
                hashes[(long)k * unique.Length + x] = hashes[(long)k * count + unique[x]];
            }
        }
        return unique;
    }

    /// <summary>
    /// The clusters of all records: each cluster of representatives (indices into <paramref name="unique"/>) with the
    /// copies auto-matched to them, and a representative with such copies alone as a cluster of its own.
    /// </summary>
    public static List<int[]> Expand(List<int[]> clusters, int[] unique, IEnumerable<Clustering.ScoredHit> copyMatches)
    {
        var copiesOf = copyMatches.GroupBy(h => h.Left).ToDictionary(g => g.Key, g => g.Select(h => h.Right).ToList());
        var clustered = new HashSet<int>();
        var result = new List<int[]>(clusters.Count);
        foreach (var cluster in clusters)
        {
            var members = new List<int>();
            foreach (var x in cluster)
            {
                var record = unique[x];
                clustered.Add(record);
                members.Add(record);
                members.AddRange(copiesOf.GetValueOrDefault(record) ?? []);
            }
            result.Add([.. members.Order()]);
        }
        foreach (var (record, copies) in copiesOf.Where(c => !clustered.Contains(c.Key)))
        {
            result.Add([.. copies.Append(record).Order()]);
        }
        return [.. result.OrderBy(c => c[0])];
    }

    private static int HashOf(string?[] values)
    {
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    private static bool SameValues(string?[] left, string?[] right) => left.AsSpan().SequenceEqual(right, StringComparer.Ordinal);
}
