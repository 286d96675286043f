using CrmGovernance.Core.Features.Matching.Comparators;

namespace CrmGovernance.Core.Tests.Features.Matching.Comparators;

public sealed class StringSimilarityTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("JONES", "JOHNSON", 0.832)]
    [InlineData("ABC", "XYZ", 0)]
    public void Jaro_winkler_gives_the_published_values(string left, string right, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(left, right), 3);

    [Fact]
    public void Jaro_winkler_rewards_a_common_prefix() =>
        Assert.True(JaroWinkler.Similarity("johnson", "johnsen") > JaroWinkler.Similarity("johnson", "jahnson"));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("saturday", "sunday", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Levenshtein_counts_the_edits(string left, string right, int distance)
    {
        Assert.Equal(distance, Levenshtein.Distance(left, right));
        Assert.Equal(distance, Levenshtein.Distance(right, left));
    }

    [Fact]
    public void Levenshtein_similarity_is_one_minus_edits_over_the_longer_length() =>
        Assert.Equal(1 - 3.0 / 7, Levenshtein.Similarity("kitten", "sitting"), 10);

    [Fact]
    public void Long_strings_past_the_stack_buffer_still_compare()
    {
        var left = new string('a', 600) + "x";
        var right = new string('a', 600) + "y";
        Assert.Equal(1, Levenshtein.Distance(left, right));
        Assert.Equal(JaroWinkler.Similarity(left, right), JaroWinkler.Similarity(right, left));
        Assert.True(JaroWinkler.Similarity(left, right) > 0.99);
    }

    [Fact]
    public void Empty_strings_are_no_evidence_of_a_match()
    {
        Assert.Equal(0, JaroWinkler.Similarity("", ""));
        Assert.Equal(0, Levenshtein.Similarity("", ""));
        Assert.Equal(0, JaroWinkler.Similarity("abc", ""));
    }
}
