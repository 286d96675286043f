using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching;

/// <summary>
/// Pairwise accuracy of predicted clusters against the truth: a pair of records in one predicted cluster is a
/// predicted match, a pair with one true entity a true match. Also the precision of the auto-match decisions alone.
/// </summary>
internal sealed record PairwiseAccuracy(long TruePairs, long PredictedPairs, long CorrectPairs, int AutoMatchPairs, int CorrectAutoMatchPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double AutoMatchPrecision => AutoMatchPairs == 0 ? 1 : (double)CorrectAutoMatchPairs / AutoMatchPairs;

    public static PairwiseAccuracy Of(DuplicateScanResult result, IReadOnlyDictionary<string, string> truth)
    {
        var truePairs = truth.Values.GroupBy(t => t, StringComparer.Ordinal).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        long predicted = 0, correct = 0;
        foreach (var cluster in result.Clusters)
        {
            predicted += (long)cluster.Count * (cluster.Count - 1) / 2;
            correct += cluster.GroupBy(id => truth[id], StringComparer.Ordinal).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        }
        var autos = result.Pairs.Where(p => p.Decision == MatchDecision.AutoMatch).ToList();
        return new PairwiseAccuracy(truePairs, predicted, correct, autos.Count, autos.Count(p => truth[p.LeftId] == truth[p.RightId]));
    }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"pairwise precision {Precision:0.0000}, recall {Recall:0.0000}, F1 {F1:0.0000} ({CorrectPairs} of {PredictedPairs} predicted pairs right, "
        + $"{TruePairs} true pairs); auto-match precision {AutoMatchPrecision:0.0000} ({CorrectAutoMatchPairs} of {AutoMatchPairs})");
}
