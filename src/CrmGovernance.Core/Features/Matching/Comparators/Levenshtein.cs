namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>
/// Levenshtein edit distance, and the similarity 1 − distance / longer length (0–1). With transpositions it is the
/// optimal-string-alignment distance, where two neighbouring characters swapped count as one edit (a typing slip).
/// </summary>
public static class Levenshtein
{
    private const int StackLimit = 256;

    public static double Similarity(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var longer = Math.Max(left.Length, right.Length);
        return longer == 0 ? 0 : 1.0 - (double)Distance(left, right) / longer;
    }

    /// <summary>The similarity with neighbouring swaps counted as one edit.</summary>
    public static double SimilarityWithTranspositions(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var longer = Math.Max(left.Length, right.Length);
        return longer == 0 ? 0 : 1.0 - (double)DistanceWithTranspositions(left, right) / longer;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int DistanceWithTranspositions(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            return Math.Max(left.Length, right.Length);
        }
        var width = right.Length + 1;
        var size = 3 * width;
        Span<int> rows = size <= StackLimit * 3 ? stackalloc int[size] : new int[size];
        Span<int> before = rows[..width], previous = rows[width..(2 * width)], current = rows[(2 * width)..];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && left[i - 1] == right[j - 2] && left[i - 2] == right[j - 1])
                {
                    best = Math.Min(best, before[j - 2] + 1);
                }
                current[j] = best;
            }
            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[right.Length];
    }

    public static int Distance(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.Length < right.Length)
        {
            var swap = left;
            left = right;
            right = swap;
        }
        if (right.Length == 0)
        {
            return left.Length;
        }
        Span<int> row = right.Length < StackLimit ? stackalloc int[right.Length + 1] : new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            row[j] = j;
        }
        for (var i = 1; i <= left.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var above = row[j];
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                row[j] = Math.Min(Math.Min(row[j - 1] + 1, above + 1), diagonal + cost);
                diagonal = above;
            }
        }
        return row[right.Length];
    }
}
