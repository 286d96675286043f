using CrmGovernance.Core.Features.Configuration.Handbook;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using static CrmGovernance.Core.Tests.Features.Configuration.MatchRules.MatchRuleSamples;

namespace CrmGovernance.Core.Tests.Features.Configuration.MatchRules;

public sealed class MatchRuleDiffTests
{
    [Fact]
    public void A_changed_threshold_is_one_field_change_of_the_match_rule()
    {
        var diff = Assert.Single(ConfigurationDiff.Between(With(), With(CompanyRule() with { AutoMatchThreshold = 0.95 })));

        Assert.Equal((ConfigurationItemKind.MatchRule, Rule, DiffKind.Changed, "match rule Company"), (diff.Kind, diff.ItemId, diff.Change, diff.DisplayName));
        Assert.Equal(new FieldChange("autoMatchThreshold", "0.97", "0.95"), Assert.Single(diff.Fields));
    }

    [Fact]
    public void A_changed_level_weight_and_a_renamed_field_are_reported_by_their_paths()
    {
        var after = CompanyRule();
        after.Comparisons[0] = after.Comparisons[0] with { Levels = [new(0.95, 8), new(0.88, 3)] };
        after.FieldNames["company"] = "legal_name";

        var diff = Assert.Single(ConfigurationDiff.Between(With(), With(after)));

        Assert.Equal(
        [
            new FieldChange("comparisons[0].levels[0].weight", "7.25", "8"),
            new FieldChange("fieldNames.company", "name", "legal_name"),
        ], diff.Fields);
    }

    [Fact]
    public void The_rule_reads_in_words_with_percentages_and_signed_weights()
    {
        var lines = MatchRuleText.Describe(CompanyRule());

        Assert.Equal("Records are compared only when they share a blocking key: website; company.metaphone+country.", lines[0]);
        Assert.Contains("company (JaroWinkler): ≥ 95 % → +7.25, ≥ 88 % → +3, otherwise -5", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("At or above 97 % match probability the records are the same; from 60 % the pair waits in the review queue", lines[2], StringComparison.Ordinal);
        Assert.Equal("Fields named differently from the attribute they carry: company → name, website → domain.", lines[3]);
    }
}
