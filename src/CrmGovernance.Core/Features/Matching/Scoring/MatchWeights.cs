namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>Converts between a match probability and the summed weight (log2 odds) that gives it.</summary>
internal static class MatchWeights
{
    /// <summary>The weight whose probability is <paramref name="probability"/>: log2(p / (1 − p)).</summary>
    public static double Of(double probability) =>
        probability <= 0 ? double.NegativeInfinity
        : probability >= 1 ? double.PositiveInfinity
        : Math.Log2(probability / (1 - probability));
}
