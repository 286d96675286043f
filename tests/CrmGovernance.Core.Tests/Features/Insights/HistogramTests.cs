using CrmGovernance.Core.Features.Insights.Rollups;

namespace CrmGovernance.Core.Tests.Features.Insights;

public sealed class HistogramTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Percentiles_from_the_histogram_are_within_its_stated_error_of_the_exact_values(int seed)
    {
        // Lead responses spread over four orders of magnitude (seconds to days), log-normal like real response times.
        var random = new Random(seed);
        var values = Enumerable.Range(0, 5_000).Select(_ => Math.Exp(random.NextDouble() * 12 + (random.NextDouble() * 2))).ToList();
        var counts = values.GroupBy(Histogram.BucketOf).ToDictionary(g => g.Key, g => (double)g.Count());
        var sorted = values.Order().ToList();

        foreach (var p in new[] { 0.5, 0.9, 0.99 })
        {
            var exact = sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
            var estimate = Histogram.Percentile(counts, p)!.Value;
            Assert.InRange(Math.Abs(estimate - exact) / exact, 0, Histogram.RelativeError + 1e-12);
        }
    }

    [Fact]
    public void Under_a_second_is_one_bucket_read_as_half_a_second_and_an_empty_histogram_has_no_percentile()
    {
        Assert.Equal(0, Histogram.BucketOf(0.2));
        Assert.Equal(0.5, Histogram.Percentile(new Dictionary<int, double> { [0] = 3 }, 0.9));
        Assert.Null(Histogram.Percentile(new Dictionary<int, double>(), 0.5));
    }

    [Fact]
    public void A_value_lands_in_the_bucket_whose_bounds_hold_it()
    {
        foreach (var seconds in new[] { 1.0, 1.05, 7.3, 59.9, 3600, 86_400 * 3.5 })
        {
            var bucket = Histogram.BucketOf(seconds);
            Assert.InRange(seconds, Math.Pow(Histogram.Ratio, bucket - 1) * (1 - 1e-12), Math.Pow(Histogram.Ratio, bucket));
            Assert.Equal(bucket, Histogram.FromDimension(Histogram.Dimension(bucket)));
        }
    }
}
