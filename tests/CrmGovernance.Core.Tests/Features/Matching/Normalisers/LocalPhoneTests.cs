using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

/// <summary>Phone numbers written without a country or an area code: read in a region, never treated as unreadable.</summary>
public sealed class LocalPhoneTests
{
    [Theory]
    [InlineData("555-2671", "US", "5552671")]
    [InlineData("555 2671", "US", "5552671")]
    [InlineData("7946 0811", "GB", "79460811")]
    public void A_local_number_without_its_area_code_keeps_its_subscriber_digits(string raw, string region, string subscriber) =>
        Assert.Equal(subscriber, PhoneNormaliser.Normalise(raw, region));

    [Theory]
    [InlineData("020 7946 0811", "GB", "+442079460811")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("0612345678", "NL", "+31612345678")]
    [InlineData("030 901820", "DE", "+4930901820")]
    public void A_national_number_is_read_in_the_region_given(string raw, string region, string e164) =>
        Assert.Equal(e164, PhoneNormaliser.Normalise(raw, region));

    [Fact]
    public void The_same_national_number_reads_differently_in_another_region()
    {
        Assert.Equal("+31612345678", PhoneNormaliser.Normalise("06 12345678", "NL"));
        Assert.NotEqual("+31612345678", PhoneNormaliser.Normalise("06 12345678", "GB"));
    }

    [Fact]
    public void A_local_number_agrees_with_the_end_of_the_full_one_but_less_than_the_full_number()
    {
        var full = PhoneNormaliser.Normalise("(415) 555-2671", "US")!;
        var local = PhoneNormaliser.Normalise("555-2671", "US")!;

        Assert.Equal(PhoneSimilarity.SameSubscriber, PhoneSimilarity.Similarity(local, full));
        Assert.Equal(PhoneSimilarity.SameSubscriber, PhoneSimilarity.Similarity(full, local));
        Assert.Equal(1, PhoneSimilarity.Similarity(full, full));
        Assert.True(PhoneSimilarity.Similarity(local, PhoneNormaliser.Normalise("(415) 555-9999", "US")!) < 0.8);
    }

    [Fact]
    public void Fragments_too_short_to_be_a_subscriber_number_agree_with_nothing() =>
        Assert.Equal(0, PhoneSimilarity.Similarity("2671", "+14155552671"));

    [Fact]
    public void Two_full_numbers_compare_digit_by_digit() =>
        Assert.True(PhoneSimilarity.Similarity("+14155552671", "+14155552672") is > 0.9 and < 1);
}
