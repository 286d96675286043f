using System.Runtime.InteropServices;
using CrmGovernance.Core.Features.Matching.Scoring;

namespace CrmGovernance.Core.Features.Matching.Blocking;

/// <summary>
/// Record slots by blocking-key hash, for lookups one record at a time. Most keys (an email, a phone) belong to one
/// record, so a lone slot is stored in the dictionary itself and only shared keys get a list, kept in
/// <see cref="RecordOrder"/> so that an oversized block can be searched for a record's nearest neighbours.
/// </summary>
internal sealed class BlockIndex(Func<int, PreparedRecord> recordAt)
{
    // Value ≥ 0: the one slot with this key; value < 0: ~index into _lists.
    private readonly Dictionary<long, int> _keys = [];
    private readonly List<List<int>?> _lists = [];
    private readonly Stack<int> _freeLists = new();
    private readonly Comparer<int> _order = Comparer<int>.Create((a, b) => RecordOrder.Instance.Compare(recordAt(a), recordAt(b)));

    public void Add(long hash, int slot) => Add(hash, [slot]);

    /// <summary>
    /// Adds a batch's pairs: <paramref name="hashes"/> sorted, and the slots of one hash in <see cref="RecordOrder"/>
    /// (what a bulk load sorts once), so each block is built or merged into in one step.
    /// </summary>
    public void AddSorted(ReadOnlySpan<long> hashes, ReadOnlySpan<int> slots)
    {
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            distinct += i == 0 || hashes[i] != hashes[i - 1] ? 1 : 0;
        }
        _keys.EnsureCapacity(_keys.Count + distinct);
        for (var start = 0; start < hashes.Length;)
        {
            var end = start + 1;
            while (end < hashes.Length && hashes[end] == hashes[start])
            {
                end++;
            }
            Add(hashes[start], slots[start..end]);
            start = end;
        }
    }

    /// <summary>Adds slots, in <see cref="RecordOrder"/>, under one hash.</summary>
    private void Add(long hash, ReadOnlySpan<int> slots)
    {
        // The reference stays valid: nothing below adds to or removes from _keys.
        ref var value = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, hash, out var exists);
        if (!exists)
        {
            value = slots.Length == 1 ? slots[0] : ~StoreList([.. slots]);
            return;
        }
        List<int> list;
        if (value >= 0)
        {
            list = new List<int>(1 + slots.Length) { value };
            value = ~StoreList(list);
        }
        else
        {
            list = _lists[~value]!;
        }
        Merge(list, slots);
    }

    /// <summary>Stores a new shared block's list; returns its index in _lists.</summary>
    private int StoreList(List<int> list)
    {
        if (_freeLists.TryPop(out var index))
        {
            _lists[index] = list;
            return index;
        }
        _lists.Add(list);
        return _lists.Count - 1;
    }

    /// <summary>
    /// Merges ordered slots into an ordered list from the back: each new slot finds its place by binary search among
    /// the members not yet passed, and those after it move once (a few comparisons a slot, however large the block).
    /// </summary>
    private void Merge(List<int> list, ReadOnlySpan<int> slots)
    {
        var end = list.Count;
        CollectionsMarshal.SetCount(list, end + slots.Length);
        var span = CollectionsMarshal.AsSpan(list);
        var write = span.Length;
        for (var j = slots.Length - 1; j >= 0; j--)
        {
            var at = span[..end].BinarySearch(slots[j], _order);
            at = at < 0 ? ~at : at;
            var after = end - at;
            span.Slice(at, after).CopyTo(span.Slice(write - after, after));
            write -= after;
            end = at;
            span[--write] = slots[j];
        }
    }

    public void Remove(long hash, int slot)
    {
        if (!_keys.TryGetValue(hash, out var value))
        {
            return;
        }
        if (value >= 0)
        {
            if (value == slot)
            {
                _keys.Remove(hash);
            }
            return;
        }
        var list = _lists[~value]!;
        var at = list.BinarySearch(slot, _order);
        if (at < 0 || list[at] != slot)
        {
            at = list.IndexOf(slot);
        }
        if (at >= 0)
        {
            list.RemoveAt(at);
        }
        if (list.Count == 1)
        {
            _keys[hash] = list[0];
            _lists[~value] = null;
            _freeLists.Push(~value);
        }
    }

    /// <summary>
    /// The slots to compare with <paramref name="record"/> for this key: the whole block when it is small, else the
    /// <see cref="BlockingLimits.Window"/> records on either side of where the record sorts.
    /// </summary>
    public ReadOnlySpan<int> Candidates(long hash, PreparedRecord record, BlockingLimits limits, Span<int> single)
    {
        if (!_keys.TryGetValue(hash, out var value))
        {
            return [];
        }
        if (value >= 0)
        {
            single[0] = value;
            return single[..1];
        }
        var list = _lists[~value]!;
        var span = CollectionsMarshal.AsSpan(list);
        if (list.Count <= limits.MaxBlockSize)
        {
            return span;
        }
        int low = 0, high = list.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (RecordOrder.Instance.Compare(recordAt(list[middle]), record) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        var start = Math.Max(0, low - limits.Window);
        var end = Math.Min(list.Count, low + limits.Window);
        return span[start..end];
    }
}
