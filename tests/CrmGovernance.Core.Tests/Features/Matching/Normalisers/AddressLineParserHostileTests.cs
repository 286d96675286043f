using CrmGovernance.Core.Features.Matching.Normalisers;
using CsCheck;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

/// <summary>Whatever is typed, the parser answers without throwing, and refuses lines too long to be an address.</summary>
public sealed class AddressLineParserHostileTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(",,,")]
    [InlineData("😀😀")]
    [InlineData("\u0301")]
    [InlineData("#")]
    [InlineData("- / -")]
    public void Empty_lines_give_no_parts(string? line) => Assert.Null(AddressLineParser.Parse(line));

    [Fact]
    public void Ten_thousand_commas_give_no_parts() => Assert.Null(AddressLineParser.Parse(new string(',', 10_000)));

    [Fact]
    public void A_line_over_500_characters_is_kept_folded_as_the_street_only()
    {
        var line = "12 Main St " + new string('x', AddressLineParser.MaxLength - 10);

        Assert.Equal(501, line.Length);
        Assert.Equal(new AddressParts(null, TextNormaliser.Fold(line), null, null, null, null, null), AddressLineParser.Parse(line));
        Assert.Equal("main street", AddressLineParser.Parse(line[..^1].Replace(new string('x', 489), "", StringComparison.Ordinal))?.Street);
    }

    [Fact]
    public void A_line_cut_inside_a_surrogate_pair_is_read() =>
        Assert.Equal("12|main street|||||", AddressPartsText.Of(AddressLineParser.Parse("12 Main St \ud83d")));

    [Theory]
    [InlineData("0123456789")]
    [InlineData("12 34 56 78 90 12 34 56 78 90")]
    [InlineData("شارع الملك فهد 12، الرياض 12271")]
    [InlineData("רחוב הרצל 5, תל אביב")]
    [InlineData("東京都千代田区 1-1")]
    [InlineData("Straße 😀 12 # # # Apt Apt Apt")]
    [InlineData("St St St St St")]
    [InlineData("N S E W NE NW SE SW")]
    [InlineData("PO Box, PO Box, P O Box")]
    [InlineData("1/2/3/4 5-6-7 #-#")]
    [InlineData("CA CA CA CA")]
    [InlineData("New South Wales Wales UK")]
    [InlineData("\t\r\n12\u00a0Main\u2028St\u200b")]
    public void Odd_lines_are_read_without_throwing(string line)
    {
        var parts = AddressLineParser.Parse(line);

        Assert.NotNull(parts);
        Assert.Equal(parts, AddressLineParser.Parse(line));
    }

    [Fact]
    public void Generated_lines_never_throw_and_parse_the_same_twice()
    {
        var tricky = Gen.String[Gen.Char["aAzZ09 .,'#/-&()StNEWpoxBOX\tßé\u0301İ😀"], 0, 60];
        var words = Gen.OneOf("12", "4/12", "10-12", "St", "N", "Apt", "#", "Suite", "4B", "PO", "Box", "CA", "ON", "DE", "NL",
            "SW1A", "2AA", "5621", "BA", "10115", "62704-1234", "Main", "Street", "Berlin", "USA", "United", "Kingdom", ",", "Wales", "New")
            .Array[0, 14].Select(w => string.Join(' ', w));

        Gen.OneOf(tricky, words, Gen.String).Sample(line => AddressLineParser.Parse(line) == AddressLineParser.Parse(line), iter: 20_000);
    }
}
