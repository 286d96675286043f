namespace CrmGovernance.Benchmarks.Matching;

/// <summary>Skewed picks: real name lists are led by a few very common names and end in a long tail.</summary>
internal static class Weights
{
    /// <summary>The sum of 1 / (rank + offset) over the ranks of a list.</summary>
    public static double Harmonic(int count, int offset)
    {
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1.0 / (rank + offset);
        }
        return total;
    }

    /// <summary>A rank with probability proportional to 1 / (rank + offset); <paramref name="total"/> from <see cref="Harmonic"/>.</summary>
    public static int ZipfIndex(Random random, int count, int offset, double total)
    {
        var target = random.NextDouble() * total;
        for (var rank = 0; rank < count; rank++)
        {
            target -= 1.0 / (rank + offset);
            if (target <= 0)
            {
                return rank;
            }
        }
        return count - 1;
    }

    /// <summary>An index with probability proportional to its weight.</summary>
    public static int Pick(Random random, IReadOnlyList<int> weights, int total)
    {
        var target = random.Next(total);
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }
}
