using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching;

/// <summary>
/// The default company rule adds evidence up: a name with an agreeing address or phone is strong; a like name at
/// another address with another phone is another site or a namesake and waits for a steward; different companies that
/// share a word stay apart.
/// </summary>
public sealed class CompanyEvidenceTests
{
    private static readonly MatchModel Model = MatchModel.Compile(DefaultMatchRules.Company(Guid.NewGuid(), Guid.NewGuid()) with { Region = "GB" });

    private static PreparedRecord Company(string id, params (string Attribute, string Value)[] values) =>
        Model.Prepare(new MatchRecord(id, values.ToDictionary(v => v.Attribute, v => (string?)v.Value)));

    [Fact]
    public void The_same_name_at_the_same_address_is_one_company()
    {
        var a = Company("a", ("company", "Akzo Nobel N.V."), ("address", "Velperweg 76, 6824 BM Arnhem, Netherlands"));
        var b = Company("b", ("company", "AKZO NOBEL NV, ARNHEM"), ("street", "Velperweg"), ("street_number", "76"), ("postcode", "6824 bm"), ("city", "Arnhem"));

        var score = Model.Score(a, b);

        Assert.Equal(MatchDecision.AutoMatch, score.Decision);
        Assert.Contains(score.Explanations, e => e.Attribute == "postcode" && e.Level == "exact");
        Assert.Contains(score.Explanations, e => e.Attribute == "street" && e.Level == "exact");
    }

    [Fact]
    public void A_short_name_with_the_same_local_phone_is_one_company()
    {
        var a = Company("a", ("company", "Koninklijke Philips Electronics N.V."), ("phone", "020 7946 0811"));
        var b = Company("b", ("company", "Philips Electronics NV"), ("phone", "7946 0811"));

        var score = Model.Score(a, b);

        Assert.Equal(MatchDecision.AutoMatch, score.Decision);
        Assert.Contains(score.Explanations, e => e.Attribute == "phone" && e.Level == "≥ 0.9");
    }

    [Fact]
    public void The_same_name_at_another_address_with_another_phone_is_another_site_and_goes_to_review()
    {
        var a = Company("a", ("company", "Acme Widgets Ltd"), ("address", "10 High Street, Leeds LS1 4AP"), ("phone", "0113 496 0000"));
        var b = Company("b", ("company", "ACME WIDGETS LIMITED"), ("address", "Unit 5, Riverside Park, Bristol BS1 6QA"), ("phone", "0117 496 0999"));

        var score = Model.Score(a, b);

        Assert.Equal(MatchDecision.Review, score.Decision);
    }

    [Fact]
    public void Even_a_shared_website_does_not_merge_two_sites_whose_phone_and_address_differ()
    {
        var a = Company("a", ("company", "Acme Widgets Ltd"), ("website", "https://www.acme-widgets.example"), ("postcode", "LS1 4AP"), ("phone", "0113 496 0000"));
        var b = Company("b", ("company", "Acme Widgets"), ("website", "acme-widgets.example"), ("postcode", "BS1 6QA"), ("phone", "0117 496 0999"));

        var score = Model.Score(a, b);

        Assert.Equal(MatchDecision.Review, score.Decision);
        Assert.Contains(score.Explanations, e => e.Comparator == "SiteGuard");
    }

    [Fact]
    public void A_namesake_in_another_city_is_never_auto_matched()
    {
        var a = Company("a", ("company", "Summit Consulting Group"), ("city", "Leeds"));
        var b = Company("b", ("company", "Summit Consulting LLC"), ("city", "Chicago"), ("country", "United States"));

        Assert.NotEqual(MatchDecision.AutoMatch, Model.Score(a, b).Decision);
    }

    [Fact]
    public void Two_companies_sharing_one_of_two_words_are_different()
    {
        var a = Company("a", ("company", "Philips Electronics"));
        var b = Company("b", ("company", "Philips Lighting"));

        Assert.Equal(MatchDecision.Distinct, Model.Score(a, b).Decision);
    }

    [Fact]
    public void A_record_with_only_a_name_is_still_found_by_a_scan()
    {
        var records = new[]
        {
            new MatchRecord("full", new Dictionary<string, string?>
            {
                ["company"] = "Gist-Brocades B.V.", ["address"] = "Wateringseweg 1, 2611 XT Delft", ["phone"] = "+31 15 279 9111",
            }),
            new MatchRecord("name-only", new Dictionary<string, string?> { ["company"] = "GIST BROCADES" }),
            new MatchRecord("other", new Dictionary<string, string?> { ["company"] = "Brocade Communications", ["phone"] = "+1 408 333 8000" }),
        };

        var result = DuplicateFinder.Find(Model, records, null, CancellationToken.None);

        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(["full", "name-only"], cluster);
    }
}
