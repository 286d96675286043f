using CrmGovernance.Core.Features.Matching.Comparators;

namespace CrmGovernance.Core.Tests.Features.Matching.Comparators;

public sealed class NumericSimilarityTests
{
    [Theory]
    [InlineData("100", "90", 0.9)]
    [InlineData("90", "100", 0.9)]
    [InlineData("250", "250.0", 1)]
    [InlineData("1e3", "1000", 1)]
    [InlineData("-50", "-40", 0.8)]
    [InlineData("10", "-10", 0)]
    [InlineData("0", "5", 0)]
    [InlineData("0", "0", 1)]
    public void Numbers_score_by_relative_difference(string left, string right, double expected) =>
        Assert.Equal(expected, NumericSimilarity.Similarity(left, right), 10);

    [Theory]
    [InlineData("ten", "10")]
    [InlineData("NaN", "NaN")]
    [InlineData("Infinity", "Infinity")]
    public void A_value_that_is_not_a_finite_number_scores_nothing(string left, string right) =>
        Assert.Equal(0, NumericSimilarity.Similarity(left, right));
}
