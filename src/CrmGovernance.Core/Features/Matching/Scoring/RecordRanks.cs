using System.Numerics;
using System.Runtime.InteropServices;

namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>
/// Each record's place when all are sorted by <see cref="RecordOrder"/>: ranking once makes ordering every block a
/// sort of numbers. Comparing two records reads three objects a side, so most of the order comes from numbers instead:
/// each of the first values' rank among that slot's distinct values, packed into one 63-bit sort key while they fit;
/// only records equal on all of those are compared.
/// </summary>
internal static class RecordRanks
{
    private const int MaxKeySlots = 3;

    public static int[] Of(PreparedRecord[] records)
    {
        var count = records.Length;
        var slots = count == 0 ? 0 : Math.Min(MaxKeySlots, records[0].Values.Length);
        var ranks = new (int[] Ranks, int Distinct)[slots];
        Parallel.For(0, slots, s => ranks[s] = SlotRanks(records, s));
        var keys = new long[count];
        var bits = 0;
        foreach (var (slotRanks, distinct) in ranks)
        {
            // Ranks 0 … distinct, the last for a missing value.
            var width = 64 - BitOperations.LeadingZeroCount((ulong)distinct);
            if (bits + width > 63)
            {
                break;
            }
            bits += width;
            for (var i = 0; i < count; i++)
            {
                keys[i] = keys[i] << width | (uint)slotRanks[i];
            }
        }
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }
        Array.Sort(keys, order);
        var comparer = Comparer<int>.Create((a, b) => RecordOrder.Instance.Compare(records[a], records[b]));
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                Array.Sort(order, start, end - start, comparer);
            }
            start = end;
        }
        var result = new int[count];
        for (var r = 0; r < count; r++)
        {
            result[order[r]] = r;
        }
        return result;
    }

    /// <summary>
    /// Each record's value's place among the slot's distinct values in ordinal order, a missing value after all
    /// (as <see cref="RecordOrder"/> puts it); and how many distinct values there are.
    /// </summary>
    private static (int[] Ranks, int Distinct) SlotRanks(PreparedRecord[] records, int slot)
    {
        // One lookup a record: each value gets the number of its first sighting, mapped to its rank once all are sorted.
        var sightings = new Dictionary<string, int>(StringComparer.Ordinal);
        var ranks = new int[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            if (records[i].Values[slot] is not { } value)
            {
                ranks[i] = -1;
                continue;
            }
            ref var sighting = ref CollectionsMarshal.GetValueRefOrAddDefault(sightings, value, out var seen);
            if (!seen)
            {
                sighting = sightings.Count - 1;
            }
            ranks[i] = sighting;
        }
        var distinct = new string[sightings.Count];
        var bySighting = new int[sightings.Count];
        foreach (var (value, sighting) in sightings)
        {
            distinct[sighting] = value;
            bySighting[sighting] = sighting;
        }
        Array.Sort(distinct, bySighting, StringComparer.Ordinal);
        var rankOfSighting = new int[distinct.Length];
        for (var r = 0; r < distinct.Length; r++)
        {
            rankOfSighting[bySighting[r]] = r;
        }
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = ranks[i] < 0 ? distinct.Length : rankOfSighting[ranks[i]];
        }
        return (ranks, distinct.Length);
    }
}
