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
    [InlineData("Marks & Spencer Group plc", "marks and spencer")]
    [InlineData("Acme Holdings Pty Ltd", "acme")]
    public void Legal_forms_and_punctuation_are_dropped(string raw, string normalised) =>
        Assert.Equal(normalised, CompanyNameNormaliser.Normalise(raw));

    [Fact]
    public void Spellings_of_one_company_meet()
    {
        var names = new[] { "Acme Widgets Ltd", "ACME WIDGETS LIMITED", "Acme Widgets, Inc.", "The Acme Widgets Company" };
        Assert.Single(names.Select(CompanyNameNormaliser.Normalise).Distinct());
    }

    [Fact]
    public void A_name_that_is_only_a_legal_form_keeps_it() => Assert.Equal("limited", CompanyNameNormaliser.Normalise("Limited"));

    [Fact]
    public void A_legal_form_inside_the_name_stays() => Assert.Equal("ag barr", CompanyNameNormaliser.Normalise("AG Barr plc"));
}
