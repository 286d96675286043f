using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using static CrmGovernance.Core.Tests.Features.Configuration.MatchRules.MatchRuleSamples;

namespace CrmGovernance.Core.Tests.Features.Configuration.MatchRules;

public sealed class MatchRuleValidationTests
{
    private static List<string> Messages(MatchRule rule) =>
        [.. ConfigurationValidator.Validate(With(rule)).Select(i => i.Message)];

    [Fact]
    public void A_complete_rule_on_an_existing_object_is_valid() =>
        Assert.Empty(Messages(CompanyRule()));

    [Fact]
    public void A_rule_for_an_object_that_does_not_exist_is_reported()
    {
        var issue = Assert.Single(ConfigurationValidator.Validate(With(CompanyRule() with { ObjectId = Guid.NewGuid(), FieldNames = [] })));

        Assert.Equal((ConfigurationItemKind.MatchRule, Rule), (issue.Kind, issue.ItemId));
        Assert.Equal("The match rule \"Company\" belongs to an object that does not exist.", issue.Message);
    }

    [Fact]
    public void A_second_rule_for_the_same_object_is_reported_once_on_the_second_rule()
    {
        var second = CompanyRule() with { Id = Guid.NewGuid(), Name = "Strict" };
        var c = With() with { MatchRules = [CompanyRule(), second] };

        var issue = Assert.Single(ConfigurationValidator.Validate(c));

        Assert.Equal(second.Id, issue.ItemId);
        Assert.Equal("The object Company has 2 match rules; an object has one. Remove the others.", issue.Message);
    }

    [Theory]
    [InlineData(0.97, 0.0, "The match rule of Company: the review threshold (0 %) must be above 0 %.")]
    [InlineData(0.7, 0.8, "The match rule of Company: the review threshold (80 %) must be below the auto-match threshold (70 %).")]
    [InlineData(0.8, 0.8, "The match rule of Company: the review threshold (80 %) must be below the auto-match threshold (80 %).")]
    [InlineData(1.05, 0.6, "The match rule of Company: the auto-match threshold (105 %) must be at most 100 %.")]
    public void Thresholds_must_satisfy_zero_below_review_below_auto_match_at_most_one(double autoMatch, double review, string expected) =>
        Assert.Equal([expected], Messages(CompanyRule() with { AutoMatchThreshold = autoMatch, ReviewThreshold = review }));

    [Fact]
    public void An_auto_match_threshold_of_exactly_one_is_allowed() =>
        Assert.Empty(Messages(CompanyRule() with { AutoMatchThreshold = 1 }));

    [Fact]
    public void An_unknown_attribute_is_reported_with_the_allowed_ones()
    {
        var rule = CompanyRule();
        rule.Comparisons[1] = rule.Comparisons[1] with { Attribute = "web_site" };

        var message = Assert.Single(Messages(rule));

        Assert.StartsWith("The match rule of Company, comparison 2: \"web_site\" is not a match attribute; use one of first_name, last_name, full_name, email,", message, StringComparison.Ordinal);
        Assert.EndsWith("company, website, national_id, address.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_that_is_not_a_country_code_is_reported_with_the_right_one()
    {
        var message = Assert.Single(Messages(CompanyRule() with { Region = "UK" }));

        Assert.StartsWith("The match rule of Company: Region: \"UK\" is not a country code.", message, StringComparison.Ordinal);
        Assert.Contains("The United Kingdom is GB.", message, StringComparison.Ordinal);
        Assert.Empty(Messages(CompanyRule() with { Region = "GB" }));
    }

    [Fact]
    public void Level_thresholds_must_lie_in_zero_to_one_and_go_down_strictly()
    {
        var rule = CompanyRule();
        rule.Comparisons[0] = rule.Comparisons[0] with { Levels = [new(0.88, 3), new(0.95, 7), new(0, 1)] };

        Assert.Equal(
        [
            "The match rule of Company, comparison 1 (company), level 2: the thresholds must go down from level to level (88 %, then 95 %).",
            "The match rule of Company, comparison 1 (company), level 3: the threshold (0 %) must be above 0 % and at most 100 %.",
        ], Messages(rule));
    }

    [Fact]
    public void A_comparison_without_levels_and_a_rule_without_comparisons_are_reported()
    {
        var rule = CompanyRule();
        rule.Comparisons[1] = rule.Comparisons[1] with { Levels = [] };
        Assert.Equal(["The match rule of Company, comparison 2 (website) has no level: add at least one similarity threshold and the weight it adds."], Messages(rule));

        Assert.Equal(["The match rule of Company compares nothing: add at least one comparison (e.g. email)."], Messages(CompanyRule() with { Comparisons = [] }));
    }

    [Fact]
    public void A_rule_needs_at_least_one_blocking_key_and_each_must_be_valid()
    {
        Assert.Contains("has no blocking key", Assert.Single(Messages(CompanyRule() with { BlockingKeys = [] })), StringComparison.Ordinal);

        var message = Assert.Single(Messages(CompanyRule() with { BlockingKeys = ["website", "compny+country"] }));
        Assert.StartsWith("The match rule of Company, blocking keys: Unknown attribute \"compny\" in \"compny+country\": use one of first_name,", message, StringComparison.Ordinal);
        Assert.Contains("blocking keys: In \"company.soundex\": Unknown function \"soundex\"",
            Assert.Single(Messages(CompanyRule() with { BlockingKeys = ["company.soundex"] })), StringComparison.Ordinal);
    }

    [Fact]
    public void Field_names_must_map_a_known_attribute_to_a_field_some_system_has()
    {
        var rule = CompanyRule() with
        {
            FieldNames = new(StringComparer.Ordinal) { ["company"] = "NAME", ["website"] = "web_domain", ["vat"] = "vat_number" },
        };

        Assert.Equal(
        [
            "The match rule of Company, field names: \"vat\" is not a match attribute; use one of first_name, last_name, full_name, email, phone, dob, " +
            "street_number, street, address2, city, postcode, state, country, company, website, national_id, address.",
            "The match rule of Company, field names: website → \"web_domain\" is not a field of Company in any system's catalog.",
        ], Messages(rule));
    }
}
