using System.Globalization;

namespace CrmGovernance.Core.Features.Systems.Connectors.Rest;

/// <summary>Orders cursor values the way a database would: whole numbers as numbers, timestamps as instants, the rest as text.</summary>
internal static class CursorOrder
{
    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }
        if (long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) && long.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y))
        {
            return x.CompareTo(y);
        }
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, styles, out var da) && DateTimeOffset.TryParse(b, CultureInfo.InvariantCulture, styles, out var db))
        {
            return da.CompareTo(db);
        }
        return string.CompareOrdinal(a, b);
    }

    /// <summary>(updated, key) pairs: updated first, the key breaking ties.</summary>
    public static int Compare(string? updatedA, string keyA, string? updatedB, string? keyB)
    {
        var order = Compare(updatedA, updatedB);
        return order != 0 ? order : Compare(keyA, keyB);
    }
}
