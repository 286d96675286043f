using System.Diagnostics;
using CrmGovernance.Core.Features.Matching;
using Xunit.Abstractions;

namespace CrmGovernance.Core.Tests.Features.Matching;

/// <summary>
/// The default contact rule, untuned, on the labelled data sets (issue 5): predicted clusters are the duplicate scan's
/// auto-match clusters, scored pairwise against the truth. A wrong merge costs more than a missed one, so the
/// auto-match decisions are held to a precision of their own.
/// </summary>
public sealed class DefaultRuleAccuracyTests(ITestOutputHelper output)
{
    private const double MinAutoMatchPrecision = 0.98;

    [Fact]
    public void Fake_1000_clusters_with_pairwise_F1_of_at_least_0_93_and_precise_auto_matches() =>
        AssertAccuracy(LabelledDataset.Fake1000, minF1: 0.93);

    [Fact]
    public void Febrl3_clusters_with_pairwise_F1_of_at_least_0_97_and_precise_auto_matches() =>
        AssertAccuracy(LabelledDataset.Febrl3, minF1: 0.97);

    /// <summary>
    /// The default company rule on company names as written in patent filings (issue 20): legal forms in every
    /// spelling, typos, split and joined words, places after the name; names only.
    /// </summary>
    [Fact]
    public void Patstat_company_names_cluster_with_pairwise_F1_of_at_least_0_85_and_precise_auto_matches() =>
        AssertAccuracy(LabelledDataset.Patstat, minF1: 0.85, MatchModel.Compile(DefaultMatchRules.Company(Guid.NewGuid(), Guid.NewGuid())));

    private void AssertAccuracy(LabelledDataset data, double minF1, MatchModel? rule = null)
    {
        var model = rule ?? MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid()));
        var clock = Stopwatch.StartNew();

        var result = DuplicateFinder.Find(model, data.Records, null, CancellationToken.None);

        var accuracy = PairwiseAccuracy.Of(result, data.Truth);
        output.WriteLine($"{data.Name}: {data.Records.Count} records, {result.CandidatePairs} candidate pairs, {result.Clusters.Count} clusters, "
            + $"{result.Pairs.Count(p => p.Decision == MatchDecision.Review)} review pairs, {clock.ElapsedMilliseconds} ms");
        output.WriteLine($"{data.Name}: {accuracy}");
        Assert.True(accuracy.F1 >= minF1, $"{data.Name}: F1 {accuracy.F1:0.0000} below {minF1} ({accuracy})");
        Assert.True(accuracy.AutoMatchPrecision >= MinAutoMatchPrecision,
            $"{data.Name}: auto-match precision {accuracy.AutoMatchPrecision:0.0000} below {MinAutoMatchPrecision} ({accuracy})");
    }
}
