namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>
/// Jaro–Winkler similarity (0–1): matching characters within a window, transpositions, and a bonus for a common
/// prefix of up to four characters when the Jaro similarity exceeds 0.7. Symmetric: the pair is put in a fixed order first.
/// </summary>
public static class JaroWinkler
{
    private const int StackLimit = 256;

    public static double Similarity(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.SequenceEqual(right))
        {
            return left.Length == 0 ? 0 : 1;
        }
        if (left.Length == 0 || right.Length == 0)
        {
            return 0;
        }
        // The greedy matching is not always symmetric; a fixed order makes score(a, b) == score(b, a).
        if (left.Length > right.Length || (left.Length == right.Length && left.SequenceCompareTo(right) > 0))
        {
            var swap = left;
            left = right;
            right = swap;
        }
        var jaro = Jaro(left, right);
        if (jaro <= 0.7)
        {
            return jaro;
        }
        var prefix = 0;
        var max = Math.Min(4, left.Length);
        while (prefix < max && left[prefix] == right[prefix])
        {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    private static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = Math.Max(0, b.Length / 2 - 1);
        Span<bool> aMatched = a.Length <= StackLimit ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= StackLimit ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var end = Math.Min(b.Length - 1, i + window);
            for (var j = Math.Max(0, i - window); j <= end; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }
            while (!bMatched[k])
            {
                k++;
            }
            if (a[i] != b[k])
            {
                transpositions++;
            }
            k++;
        }
        double m = matches;
        return (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
    }
}
