using CrmGovernance.Core.Features.Matching.Comparators;

namespace CrmGovernance.Core.Tests.Features.Matching.Comparators;

public sealed class DoubleMetaphoneTests
{
    [Theory]
    [InlineData("Smith", "SM0", "XMT")]
    [InlineData("Schmidt", "XMT", "SMT")]
    [InlineData("Thompson", "TMPS", "TMPS")] // TH before OM is T; the P stays (TMPSN cut to four)
    [InlineData("Johnson", "JNSN", "ANSN")]
    [InlineData("Williams", "ALMS", "FLMS")]
    [InlineData("Katherine", "K0RN", "KTRN")]
    [InlineData("Thomas", "TMS", "TMS")]
    [InlineData("Knight", "NT", "NT")]
    [InlineData("Phillips", "FLPS", "FLPS")]
    [InlineData("Xavier", "SF", "SFR")]
    [InlineData("Jose", "HS", "HS")]
    [InlineData("Caesar", "SSR", "SSR")]
    [InlineData("Edge", "AJ", "AJ")]
    public void Names_get_the_published_codes(string name, string primary, string alternate) =>
        Assert.Equal((primary, alternate), DoubleMetaphone.Encode(name));

    [Theory]
    [InlineData("Smith", "Schmidt")]
    [InlineData("Thomas", "Tomas")]
    [InlineData("Catherine", "Kathryn")]
    [InlineData("Stephen", "Steven")]
    [InlineData("Philip", "Filip")]
    [InlineData("Thompson", "Tompson")]
    public void Names_said_alike_share_a_code(string left, string right)
    {
        Assert.Equal(1, PhoneticSimilarity.Similarity(left, right));
        Assert.Equal(1, PhoneticSimilarity.Similarity(right, left));
    }

    [Theory]
    [InlineData("Smith", "Jones")]
    [InlineData("Oliver", "Oscar")]
    public void Names_said_differently_share_none(string left, string right) => Assert.Equal(0, PhoneticSimilarity.Similarity(left, right));

    [Fact]
    public void Case_and_accents_do_not_change_the_code() => Assert.Equal(DoubleMetaphone.Encode("muller"), DoubleMetaphone.Encode("MÜLLER"));

    [Fact]
    public void No_letters_give_empty_codes_that_match_nothing()
    {
        Assert.Equal(("", ""), DoubleMetaphone.Encode("1234"));
        Assert.Equal(0, PhoneticSimilarity.Similarity("1234", "1234"));
    }
}
