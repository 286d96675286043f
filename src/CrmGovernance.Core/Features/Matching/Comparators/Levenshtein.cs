namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>
/// Levenshtein edit distance, and the similarity 1 − distance / longer length (0–1). With transpositions it is the
/// optimal-string-alignment distance, where two neighbouring characters swapped count as one edit (a typing slip).
/// A bound lets scans stop as soon as the distance is known to exceed what the lowest level accepts.
/// </summary>
public static class Levenshtein
{
    private const int StackLimit = 256;

    public static int Distance(ReadOnlySpan<char> left, ReadOnlySpan<char> right) => Bounded(left, right, int.MaxValue, false);

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int DistanceWithTranspositions(ReadOnlySpan<char> left, ReadOnlySpan<char> right) => Bounded(left, right, int.MaxValue, true);

    /// <summary>The distance with transpositions when it is at most <paramref name="max"/>, else some number above it.</summary>
    public static int DistanceWithTranspositions(ReadOnlySpan<char> left, ReadOnlySpan<char> right, int max) => Bounded(left, right, max, true);

    public static double Similarity(ReadOnlySpan<char> left, ReadOnlySpan<char> right) => Similarity(left, right, 0, false);

    /// <summary>The similarity; when it is below <paramref name="floor"/>, any value below the floor (the work stops early).</summary>
    public static double Similarity(ReadOnlySpan<char> left, ReadOnlySpan<char> right, double floor) => Similarity(left, right, floor, false);

    public static double SimilarityWithTranspositions(ReadOnlySpan<char> left, ReadOnlySpan<char> right, double floor = 0) =>
        Similarity(left, right, floor, true);

    private static double Similarity(ReadOnlySpan<char> left, ReadOnlySpan<char> right, double floor, bool transpositions)
    {
        var longer = Math.Max(left.Length, right.Length);
        if (longer == 0)
        {
            return 0;
        }
        // Similarity ≥ floor ⟺ distance ≤ (1 − floor) × longer.
        var allowed = floor <= 0 ? int.MaxValue : (int)Math.Floor((1 - floor) * longer + 1e-9);
        var distance = Bounded(left, right, allowed, transpositions);
        return distance > allowed ? 0 : 1.0 - (double)distance / longer;
    }

    /// <summary>The distance, or a number above <paramref name="max"/> as soon as it is sure to exceed it.</summary>
    private static int Bounded(ReadOnlySpan<char> left, ReadOnlySpan<char> right, int max, bool transpositions)
    {
        if (Math.Abs(left.Length - right.Length) > max)
        {
            return max == int.MaxValue ? Math.Abs(left.Length - right.Length) : max + 1;
        }
        if (left.Length == 0 || right.Length == 0)
        {
            return Math.Max(left.Length, right.Length);
        }
        const int Far = int.MaxValue / 2;
        var width = right.Length + 1;
        Span<int> rows = 3 * width <= StackLimit * 3 ? stackalloc int[3 * width] : new int[3 * width];
        Span<int> before = rows[..width], previous = rows[width..(2 * width)], current = rows[(2 * width)..];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j <= max ? j : Far;
            before[j] = Far;
        }
        for (var i = 1; i <= left.Length; i++)
        {
            // Only cells within max of the diagonal can stay within max; the rest are "far".
            var low = Math.Max(1, max == int.MaxValue ? 1 : i - max);
            var high = Math.Min(right.Length, max == int.MaxValue ? right.Length : i + max);
            current[0] = i <= max ? i : Far;
            if (low > 1)
            {
                current[low - 1] = Far;
            }
            if (high < right.Length)
            {
                current[high + 1] = Far;
            }
            var rowBest = low == 1 ? current[0] : Far;
            for (var j = low; j <= high; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (transpositions && i > 1 && j > 1 && left[i - 1] == right[j - 2] && left[i - 2] == right[j - 1])
                {
                    best = Math.Min(best, before[j - 2] + 1);
                }
                current[j] = best;
                rowBest = Math.Min(rowBest, best);
            }
            if (rowBest > max)
            {
                return max + 1;
            }
            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[right.Length];
    }
}
