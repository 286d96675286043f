using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

public sealed class CompanyNameNormaliserTests
{
    [Theory]
    [InlineData("Acme Ltd", "acme")]
    [InlineData("ACME LIMITED", "acme")]
    [InlineData("Acme, Inc.", "acme")]
    [InlineData("Acme Incorporated", "acme")]
    [InlineData("Acme LLC", "acme")]
    [InlineData("Acme L.L.C.", "acme")]
    [InlineData("Siemens AG", "siemens")]
    [InlineData("Müller GmbH", "muller")]
    [InlineData("Danone S.A.", "danone")]
    [InlineData("Tesco PLC", "tesco")]
    [InlineData("The ACME Widgets Co., Ltd.", "acme widgets")]
    [InlineData("Marks & Spencer Group plc", "marks spencer")]
    [InlineData("Acme Holdings Pty Ltd", "acme")]
    public void Legal_forms_and_punctuation_are_dropped(string raw, string normalised) =>
        Assert.Equal(normalised, CompanyNameNormaliser.Normalise(raw));

    [Theory]
    [InlineData("Akzo Nobel N.V.")]
    [InlineData("AKZO NOBEL NV")]
    [InlineData("Akzo Nobel N. V.")]
    [InlineData("Akzo Nobel N V")]
    [InlineData("N.V. Akzo Nobel")]
    [InlineData("Naamloze Vennootschap Akzo Nobel")]
    [InlineData("AKZO NOBEL N.V., ARNHEM")]
    [InlineData("Akzo Nobel NV, Velperweg 76, Arnhem")]
    [InlineData("* AKZO NOBEL N.V.")]
    [InlineData("Akzo-Nobel B.V.")]
    public void A_legal_form_in_any_spelling_and_position_goes_with_what_follows_it(string raw) =>
        Assert.Equal("akzo nobel", CompanyNameNormaliser.Normalise(raw));

    [Theory]
    [InlineData("D S M N.V.", "dsm")]
    [InlineData("D.S.M. N.V.", "dsm")]
    [InlineData("U.S. Philips Corporation", "us philips")]
    [InlineData("N.V. PHILIPS' GLOEILAMPENFABRIEKEN", "philips gloeilampenfabrieken")]
    [InlineData("Philips's Gloeilampenfabrieken", "philips gloeilampenfabrieken")]
    [InlineData("Acme Intl Mfg Corp", "acme international manufacturing")]
    [InlineData("Acme International Manufacturing Corporation", "acme international manufacturing")]
    [InlineData("Acme Tech Labs", "acme technology laboratories")]
    [InlineData("Smith & Sons", "smith sons")]
    [InlineData("Smith and Sons", "smith sons")]
    public void Letters_written_apart_possessives_and_abbreviations_are_read_one_way(string raw, string normalised) =>
        Assert.Equal(normalised, CompanyNameNormaliser.Normalise(raw));

    [Fact]
    public void Spellings_of_one_company_meet()
    {
        var names = new[] { "Acme Widgets Ltd", "ACME WIDGETS LIMITED", "Acme Widgets, Inc.", "The Acme Widgets Company", "ACME WIDGETS CO.,LTD." };
        Assert.Single(names.Select(CompanyNameNormaliser.Normalise).Distinct());
    }

    [Fact]
    public void A_name_that_is_only_a_legal_form_keeps_it() => Assert.Equal("limited", CompanyNameNormaliser.Normalise("Limited"));

    [Fact]
    public void A_legal_form_that_starts_the_name_and_is_not_written_before_names_stays() => Assert.Equal("ag barr", CompanyNameNormaliser.Normalise("AG Barr plc"));

    [Theory]
    [InlineData("Acme Co Op")]
    [InlineData("Save As You Go Ltd")]
    public void Words_that_are_a_legal_form_only_at_the_end_stay_inside_the_name(string raw) =>
        Assert.Equal(raw.Replace(" Ltd", "", StringComparison.Ordinal).ToLowerInvariant(), CompanyNameNormaliser.Normalise(raw));

    [Fact]
    public void A_very_long_value_is_cut_before_it_is_read()
    {
        var normalised = CompanyNameNormaliser.Normalise(string.Concat(Enumerable.Repeat("Acme N.V. ", 10_000)));
        Assert.Equal("acme", normalised);
    }
}
