using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching.Scoring;

/// <summary>
/// A rule with known weights: prior −1; email agreeing +3, disagreeing −5; city agreeing +1, disagreeing −1. The summed
/// weight w gives the probability 2^w / (1 + 2^w); auto-match from 0.8 (w = 2), review from 0.5 (w = 0).
/// </summary>
public sealed class ThresholdRoutingTests
{
    private static readonly MatchModel Model = MatchModel.Compile(new MatchRule
    {
        Id = Guid.NewGuid(),
        ObjectId = Guid.NewGuid(),
        Name = "known weights",
        PriorWeight = -1,
        AutoMatchThreshold = 0.8,
        ReviewThreshold = 0.5,
        Comparisons =
        [
            new MatchComparison { Attribute = MatchAttributes.Email, Comparator = ComparatorKind.Exact, Levels = [new MatchLevel(1, 3)], MismatchWeight = -5 },
            new MatchComparison { Attribute = MatchAttributes.City, Comparator = ComparatorKind.Exact, Levels = [new MatchLevel(1, 1)], MismatchWeight = -1 },
        ],
        BlockingKeys = ["email"],
    });

    [Theory]
    [InlineData("ann@example.com", "Leeds", 3, MatchDecision.AutoMatch)]     // both agree: p = 8/9
    [InlineData("ann@example.com", null, 2, MatchDecision.AutoMatch)]        // exactly at the auto-match threshold: p = 0.8
    [InlineData("ann@example.com", "York", 1, MatchDecision.Review)]         // p = 2/3
    [InlineData(null, "Leeds", 0, MatchDecision.Review)]                     // exactly at the review threshold: p = 0.5
    [InlineData(null, "York", -2, MatchDecision.Distinct)]                   // p = 0.2
    [InlineData(null, null, -1, MatchDecision.Distinct)]                     // nothing to compare: the prior alone
    [InlineData("bob@example.com", "Leeds", -5, MatchDecision.Distinct)]     // another email outweighs the city
    public void The_summed_weight_routes_the_pair_to_its_band(string? otherEmail, string? otherCity, double weight, MatchDecision decision)
    {
        var score = Model.Score(Prepare("a", "Ann@Example.com ", "LEEDS"), Prepare("b", otherEmail, otherCity));

        Assert.Equal(weight, score.Weight, 10);
        Assert.Equal(MatchModel.Probability(weight), score.Probability, 12);
        Assert.Equal(decision, score.Decision);
    }

    [Fact]
    public void The_thresholds_belong_to_the_band_above_them()
    {
        Assert.Equal(MatchDecision.AutoMatch, Model.Decide(0.8));
        Assert.Equal(MatchDecision.Review, Model.Decide(Math.BitDecrement(0.8)));
        Assert.Equal(MatchDecision.Review, Model.Decide(0.5));
        Assert.Equal(MatchDecision.Distinct, Model.Decide(Math.BitDecrement(0.5)));
        Assert.Equal(MatchDecision.AutoMatch, Model.Decide(1));
        Assert.Equal(MatchDecision.Distinct, Model.Decide(0));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(2, 0.8)]
    [InlineData(-2, 0.2)]
    [InlineData(10, 1024.0 / 1025)]
    public void A_weight_is_the_log2_odds_of_the_probability(double weight, double probability) =>
        Assert.Equal(probability, MatchModel.Probability(weight), 12);

    [Fact]
    public void The_default_rules_keep_review_below_auto_match()
    {
        foreach (var rule in new[] { DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid()), DefaultMatchRules.Company(Guid.NewGuid(), Guid.NewGuid()) })
        {
            Assert.InRange(rule.ReviewThreshold, 0.5, rule.AutoMatchThreshold);
            Assert.InRange(rule.AutoMatchThreshold, 0.9, 1);
        }
    }

    private static PreparedRecord Prepare(string id, string? email, string? city) =>
        Model.Prepare(new MatchRecord(id, new Dictionary<string, string?> { [MatchAttributes.Email] = email, [MatchAttributes.City] = city }));
}
