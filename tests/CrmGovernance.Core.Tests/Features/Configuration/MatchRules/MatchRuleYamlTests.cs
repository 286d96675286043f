using System.Text.RegularExpressions;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Configuration.Yaml;
using static CrmGovernance.Core.Tests.Features.Configuration.MatchRules.MatchRuleSamples;

namespace CrmGovernance.Core.Tests.Features.Configuration.MatchRules;

public sealed class MatchRuleYamlTests
{
    [Fact]
    public void A_match_rule_survives_export_and_import_exactly_with_its_levels_and_field_names()
    {
        var c = With();

        var yaml = ConfigurationYaml.Export(c, 3);
        var parsed = ConfigurationYaml.Parse(yaml, c);

        Assert.Empty(parsed.Errors);
        Assert.Equal(ConfigurationJson.Serialize(c), ConfigurationJson.Serialize(parsed.Configuration!));
        var rule = Assert.Single(parsed.Configuration!.MatchRules);
        Assert.Equal([new MatchLevel(0.95, 7.25), new MatchLevel(0.88, 3)], rule.Comparisons[0].Levels);
        Assert.Equal("domain", rule.FieldNames["website"]);
        Assert.Equal(-9.5, rule.PriorWeight);
    }

    [Fact]
    public void The_export_writes_levels_as_threshold_and_weight_and_field_names_as_a_map()
    {
        var yaml = ConfigurationYaml.Export(With(), 3);

        Assert.Matches(@"levels:\n\s+- threshold: 0\.95\n\s+weight: 7\.25\n", yaml);
        Assert.Contains("autoMatchThreshold: 0.97\n", yaml, StringComparison.Ordinal);
        Assert.Contains("fieldNames:\n", yaml, StringComparison.Ordinal);
        Assert.Contains("company: name\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_that_is_not_a_number_and_a_level_without_weight_are_reported_on_their_lines()
    {
        var c = With();
        var yaml = Regex.Replace(ConfigurationYaml.Export(c, 3), @"\n *weight: 9\n", "\n")
            .Replace("reviewThreshold: 0.6", "reviewThreshold: 60%", StringComparison.Ordinal);

        var errors = ConfigurationYaml.Parse(yaml, c).Errors;

        Assert.Equal(2, errors.Count);
        Assert.Contains($"Line {LineOf(yaml, "reviewThreshold: 60%")}: matchRules[0].reviewThreshold is \"60%\", which is not a number (write decimals with a point, e.g. 0.95).", errors);
        Assert.Contains(errors, e => e.EndsWith(": matchRules[0].comparisons[1].levels[0] has no weight.", StringComparison.Ordinal));
    }

    private static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(ch => ch == '\n') + 1;
}
