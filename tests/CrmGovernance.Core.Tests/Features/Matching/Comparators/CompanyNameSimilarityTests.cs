using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Comparators;

public sealed class CompanyNameSimilarityTests
{
    private static double Similarity(string left, string right) => CompanyNameSimilarity.Similarity(
        new CompanyName(CompanyNameNormaliser.Normalise(left)!), new CompanyName(CompanyNameNormaliser.Normalise(right)!), null);

    [Fact]
    public void The_whole_of_a_short_name_inside_the_long_one_is_the_same_company() =>
        Assert.True(Similarity("Koninklijke Philips Electronics N.V.", "Philips Electronics NV") >= 0.85);

    [Fact]
    public void Two_names_sharing_one_of_two_words_are_different_companies() =>
        Assert.True(Similarity("Philips Electronics", "Philips Lighting") < 0.6);

    [Theory]
    [InlineData("KONINKLIJKE PHILIPS ELECTRONICS N.V.", "KONIKLIJKE PHILIPS ELECTONICS N.V.")]
    [InlineData("KONINKL PHILIPS ELECTRONICS N.V", "KONINKLIJKE PHILIPS ELECTRONICS N.V.")]
    [InlineData("SHELL INTERNATIONALE RESEARCHMAATSCHAPPIJ B.V.", "Shell Internationale Research Maatschappij BV")]
    [InlineData("GIST-BROCADES N.V.", "GISTBROCADES B.V.")]
    [InlineData("D S M IP ASSETS B.V.", "DSM IP Assets B.V.")]
    public void Typos_abbreviations_and_joined_words_still_agree(string left, string right) =>
        Assert.True(Similarity(left, right) >= 0.85, $"{Similarity(left, right):0.000}");

    [Theory]
    [InlineData("DSM N.V.", "DSM IP Assets B.V.")]
    [InlineData("Acme Widgets", "Acme Gadgets")]
    [InlineData("Global Systems International", "Global Logistics International")]
    public void A_parent_and_a_subsidiary_or_two_firms_sharing_words_are_not_the_same(string left, string right) =>
        Assert.True(Similarity(left, right) < 0.85, $"{Similarity(left, right):0.000}");

    [Fact]
    public void Rare_words_weigh_more_than_common_ones()
    {
        var population = new CrmGovernance.Core.Features.Matching.Scoring.MatchPopulation();
        var model = MatchModel.Compile(DefaultMatchRules.Company(Guid.NewGuid(), Guid.NewGuid()));
        for (var i = 0; i < 300; i++)
        {
            population.Add(model.Prepare(new MatchRecord($"r{i}", new Dictionary<string, string?> { ["company"] = $"Firm{i} International Systems" })));
        }
        var shareCommon = CompanyNameSimilarity.Similarity(new CompanyName("international systems zorblax"), new CompanyName("international systems quendry"), population);
        var shareRare = CompanyNameSimilarity.Similarity(new CompanyName("zorblax systems"), new CompanyName("zorblax quendry"), population);

        Assert.True(shareCommon < 0.3, $"{shareCommon:0.000}");
        Assert.True(shareRare > shareCommon, $"{shareRare:0.000} vs {shareCommon:0.000}");
        Assert.Equal(300, population.CompanyWordCount - 2);
    }
}
