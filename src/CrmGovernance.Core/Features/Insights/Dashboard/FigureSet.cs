using CrmGovernance.Core.Features.Insights.Rollups;

namespace CrmGovernance.Core.Features.Insights.Dashboard;

/// <summary>Bucket values summed over a slice of time and subjects: totals per metric, and per dimension for reasons and histograms.</summary>
public sealed class FigureSet
{
    private readonly Dictionary<string, double> _totals = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Metric, string Dimension), double> _byDimension = [];

    public static readonly FigureSet None = new();

    public void Add(string metric, string dimension, double value)
    {
        _totals[metric] = _totals.GetValueOrDefault(metric) + value;
        if (dimension.Length > 0)
        {
            _byDimension[(metric, dimension)] = _byDimension.GetValueOrDefault((metric, dimension)) + value;
        }
    }

    public double this[string metric] => _totals.GetValueOrDefault(metric);

    public bool IsEmpty => _totals.Count == 0;

    /// <summary>A ratio; null when the denominator is zero.</summary>
    public double? Ratio(string numerator, string denominator, double scale = 1) =>
        this[denominator] is var d && d > 0 ? this[numerator] / d * scale : null;

    public IEnumerable<(string Dimension, double Value)> Dimensions(string metric) =>
        _byDimension.Where(d => d.Key.Metric == metric).Select(d => (d.Key.Dimension, d.Value));

    /// <summary>The <paramref name="p"/>-quantile of a histogram metric, in seconds.</summary>
    public double? Percentile(string histogram, double p) =>
        Histogram.Percentile(Dimensions(histogram).GroupBy(d => Histogram.FromDimension(d.Dimension)).ToDictionary(g => g.Key, g => g.Sum(d => d.Value)), p);
}
