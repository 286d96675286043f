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

    public void Add(long hash, int slot)
    {
        if (!_keys.TryGetValue(hash, out var value))
        {
            _keys[hash] = slot;
            return;
        }
        List<int> list;
        if (value >= 0)
        {
            list = [value];
            var index = _freeLists.Count > 0 ? _freeLists.Pop() : _lists.Count;
            if (index == _lists.Count)
            {
                _lists.Add(list);
            }
            else
            {
                _lists[index] = list;
            }
            _keys[hash] = ~index;
        }
        else
        {
            list = _lists[~value]!;
        }
        var at = list.BinarySearch(slot, _order);
        list.Insert(at < 0 ? ~at : at, slot);
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
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
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
