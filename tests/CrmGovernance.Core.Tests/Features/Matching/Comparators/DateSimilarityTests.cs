using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Comparators;

public sealed class DateSimilarityTests
{
    [Theory]
    [InlineData("1971-06-24", "24/06/1971", 1)]
    [InlineData("1971-05-06", "1971-06-05", DateSimilarity.Swapped)]
    [InlineData("1971-06-24", "1971-06-25", DateSimilarity.OneDigit)]
    [InlineData("1971-06-24", "1917-06-24", DateSimilarity.OneDigit)]
    [InlineData("1971-06-24", "1971-11-24", DateSimilarity.OneField)]
    [InlineData("1971-06-24", "1971-07-10", DateSimilarity.WithinAMonth)]
    [InlineData("1971-06-24", "1972-03-01", DateSimilarity.WithinAYear)]
    [InlineData("1971-06-24", "1985-01-13", 0)]
    public void Dates_score_by_the_kind_of_difference(string left, string right, double expected) =>
        Assert.Equal(expected, Score(left, right));

    [Fact]
    public void A_day_month_swap_scores_above_a_different_day() =>
        Assert.True(Score("1980-03-11", "1980-11-03") > Score("1980-03-11", "1980-03-29"));

    [Fact]
    public void A_missing_or_unreadable_date_scores_nothing()
    {
        Assert.Equal(0, DateSimilarity.Similarity(-1, 19710624));
        Assert.Equal(0, DateSimilarity.Similarity(-1, -1));
    }

    private static double Score(string left, string right) =>
        DateSimilarity.Similarity(DateNormaliser.ToNumber(DateNormaliser.Normalise(left)), DateNormaliser.ToNumber(DateNormaliser.Normalise(right)));
}
