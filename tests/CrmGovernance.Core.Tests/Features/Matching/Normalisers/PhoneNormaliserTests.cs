using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

public sealed class PhoneNormaliserTests
{
    [Theory]
    [InlineData("07911 123456", "GB", "+447911123456")]
    [InlineData("(07911) 123-456", "GB", "+447911123456")]
    [InlineData("020 7946 0811", "GB", "+442079460811")]
    [InlineData("+44 20 7946 0811", "GB", "+442079460811")]
    [InlineData("+44 (0)20 7946 0811", "GB", "+442079460811")]
    [InlineData("0044 20 7946 0811", "GB", "+442079460811")]
    [InlineData("+44 20 7946 0811", "US", "+442079460811")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("415.555.2671", "US", "+14155552671")]
    [InlineData("1 415 555 2671", "US", "+14155552671")]
    [InlineData("+1 415-555-2671", "GB", "+14155552671")]
    [InlineData("030 901820", "DE", "+4930901820")]
    [InlineData("+447911123456", "US", "+447911123456")]
    public void National_and_international_spellings_give_E164(string raw, string region, string e164) =>
        Assert.Equal(e164, PhoneNormaliser.Normalise(raw, region));

    [Fact]
    public void The_default_region_decides_the_country_of_a_national_number()
    {
        Assert.Equal("+442079460811", PhoneNormaliser.Normalise("020 7946 0811", "GB"));
        Assert.NotEqual("+442079460811", PhoneNormaliser.Normalise("020 7946 0811", "US"));
    }

    [Theory]
    [InlineData("07911 123456 (mobile)")]
    [InlineData("tel: 07911 123456")]
    public void Words_around_a_number_do_not_change_its_E164(string raw) =>
        Assert.Equal(PhoneNormaliser.Normalise("07911 123456", "GB"), PhoneNormaliser.Normalise(raw, "GB"));

    [Fact]
    public void Two_spellings_of_an_unreadable_number_still_meet() =>
        Assert.Equal(PhoneNormaliser.Normalise("12-34", "GB"), PhoneNormaliser.Normalise("12 34", "GB"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("n/a")]
    public void A_value_without_digits_is_missing(string? raw) => Assert.Null(PhoneNormaliser.Normalise(raw, "GB"));
}
