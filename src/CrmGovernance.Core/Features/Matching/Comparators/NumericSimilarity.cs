using System.Globalization;

namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>Numbers by relative difference: 1 − |a − b| / max(|a|, |b|), 1 when equal, 0 when a value is not a number.</summary>
public static class NumericSimilarity
{
    public static double Similarity(string left, string right)
    {
        if (!double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            || !double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            || !double.IsFinite(a) || !double.IsFinite(b))
        {
            return 0;
        }
        if (a == b)
        {
            return 1;
        }
        var scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return Math.Clamp(1 - Math.Abs(a - b) / scale, 0, 1);
    }
}
