using System.Diagnostics;
using CrmGovernance.Core.Features.Matching;
using Xunit.Abstractions;

namespace CrmGovernance.Core.Tests.Features.Matching;

/// <summary>
/// The default company rule, untuned, on company names as written in patent filings (issue 20): legal forms in every
/// spelling, typos, split and joined words, places after the name. Predicted clusters are the scan's auto-match
/// clusters, scored pairwise against the truth.
/// </summary>
public sealed class CompanyRuleAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Patstat_company_names_cluster_with_pairwise_F1_of_at_least_0_85_and_precise_auto_matches()
    {
        var data = LabelledDataset.Patstat;
        var model = MatchModel.Compile(DefaultMatchRules.Company(Guid.NewGuid(), Guid.NewGuid()));
        var clock = Stopwatch.StartNew();

        var result = DuplicateFinder.Find(model, data.Records, null, CancellationToken.None);

        var accuracy = PairwiseAccuracy.Of(result, data.Truth);
        output.WriteLine($"{data.Name}: {data.Records.Count} records, {result.CandidatePairs} candidate pairs, {result.Clusters.Count} clusters, "
            + $"{result.Pairs.Count(p => p.Decision == MatchDecision.Review)} review pairs, {clock.ElapsedMilliseconds} ms");
        output.WriteLine($"{data.Name}: {accuracy}");
        Assert.True(accuracy.F1 >= 0.85, $"F1 {accuracy.F1:0.0000} below 0.85 ({accuracy})");
        Assert.True(accuracy.AutoMatchPrecision >= 0.98, $"auto-match precision {accuracy.AutoMatchPrecision:0.0000} below 0.98 ({accuracy})");
    }
}
