namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>
/// Orders prepared records by their normalised values in slot order (missing last), then id: the order of an
/// oversized block, so that the records compared within its window are the most alike.
/// </summary>
internal sealed class RecordOrder : IComparer<PreparedRecord>
{
    public static RecordOrder Instance { get; } = new();

    public int Compare(PreparedRecord? x, PreparedRecord? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }
        var slots = Math.Min(x.Values.Length, y.Values.Length);
        for (var i = 0; i < slots; i++)
        {
            var a = x.Values[i];
            var b = y.Values[i];
            if (ReferenceEquals(a, b))
            {
                continue;
            }
            if (a is null || b is null)
            {
                return a is null ? 1 : -1;
            }
            var order = string.CompareOrdinal(a, b);
            if (order != 0)
            {
                return order;
            }
        }
        return string.CompareOrdinal(x.Id, y.Id);
    }
}
