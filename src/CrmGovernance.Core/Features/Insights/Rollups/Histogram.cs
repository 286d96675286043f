using System.Globalization;

namespace CrmGovernance.Core.Features.Insights.Rollups;

/// <summary>
/// A log-scale histogram of durations: bucket 0 holds everything under a second, bucket <c>i</c> (≥ 1) holds
/// [1 s · 1.1^(i−1), 1 s · 1.1^i). A percentile read from it is the geometric middle of the bucket where the rank falls,
/// so it is within <see cref="RelativeError"/> of the exact value (or half a second, under a second). 200 buckets reach
/// past 2 years.
/// </summary>
public static class Histogram
{
    public const double Ratio = 1.1;
    public const int Buckets = 200;

    /// <summary>√1.1 − 1: the most a reported percentile can be off, relative to the exact one.</summary>
    public static readonly double RelativeError = Math.Sqrt(Ratio) - 1;

    public static int BucketOf(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 1)
        {
            return 0;
        }
        var i = (int)Math.Floor(Math.Log(seconds) / Math.Log(Ratio)) + 1;
        return Math.Clamp(i, 1, Buckets - 1);
    }

    /// <summary>The value a bucket stands for, in seconds.</summary>
    public static double ValueOf(int bucket) => bucket <= 0 ? 0.5 : Math.Pow(Ratio, bucket - 0.5);

    public static string Dimension(int bucket) => bucket.ToString("D3", CultureInfo.InvariantCulture);

    public static int FromDimension(string dimension) =>
        int.TryParse(dimension, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 0;

    /// <summary>The <paramref name="p"/>-quantile (0–1, nearest rank) of the counts per bucket, in seconds; null when empty.</summary>
    public static double? Percentile(IReadOnlyDictionary<int, double> counts, double p)
    {
        var total = counts.Values.Sum();
        if (total < 0.5)
        {
            return null;
        }
        var rank = Math.Max(1, Math.Ceiling(p * total));
        var seen = 0.0;
        foreach (var (bucket, count) in counts.OrderBy(c => c.Key))
        {
            seen += count;
            if (seen >= rank - 1e-9)
            {
                return ValueOf(bucket);
            }
        }
        return ValueOf(counts.Keys.Max());
    }
}
