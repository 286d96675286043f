using CrmGovernance.Core.Features.Configuration.Handbook;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Configuration.Yaml;
using static CrmGovernance.Core.Tests.Features.Configuration.MatchRules.MatchRuleSamples;

namespace CrmGovernance.Core.Tests.Features.Configuration.MatchRules;

/// <summary>The match rule's choice for identity fields a fuzzy match would change, and its alternative fields.</summary>
public sealed class FuzzyIdentitySettingTests
{
    private static GovernanceConfiguration WithFields(MatchRule rule) => With(rule) with
    {
        Fields =
        [
            .. With().Fields,
            new() { Id = Guid.Parse("00000000-0000-0000-0000-0000000000d4"), SystemId = Crm, ObjectId = Company, Name = "domain2", Type = FieldType.Text },
            new() { Id = Guid.Parse("00000000-0000-0000-0000-0000000000d5"), SystemId = Crm, ObjectId = Company, Name = "employees", Type = FieldType.Number },
        ],
    };

    private static List<string> Messages(MatchRule rule) => [.. ConfigurationValidator.Validate(WithFields(rule)).Select(i => i.Message)];

    private static MatchRule Alternative(string attribute, string field) =>
        CompanyRule() with { AlternativeFields = new(StringComparer.Ordinal) { [attribute] = field } };

    [Fact]
    public void An_alternative_field_of_the_same_type_in_the_target_catalog_is_valid() =>
        Assert.Empty(Messages(Alternative("website", "domain2") with { FuzzyIdentityChange = FuzzyIdentityChange.HoldForSteward }));

    [Fact]
    public void An_alternative_field_missing_from_the_catalog_is_reported_by_its_name_and_system() =>
        Assert.Equal(["The match rule of Company, alternative fields: website → \"nowhere\" is not a field of Company in the catalog of CRM."],
            Messages(Alternative("website", "nowhere")));

    [Fact]
    public void An_alternative_field_of_another_type_is_reported_with_the_types_that_fit() =>
        Assert.Equal(["The match rule of Company, alternative fields: website → \"employees\" is a Number field in CRM, but domain is Text: choose a Text field."],
            Messages(Alternative("website", "employees")));

    [Fact]
    public void The_compared_field_itself_is_no_alternative() =>
        Assert.Equal(["The match rule of Company, alternative fields: website → \"domain\" is the field the rule compares in CRM; choose another field to keep the second value in."],
            Messages(Alternative("website", "domain")));

    [Fact]
    public void An_alternative_for_an_attribute_the_rule_does_not_compare_is_reported() =>
        Assert.Contains("The match rule of Company, alternative fields: email: the rule does not compare email, so no fuzzy match can differ in it; remove the alternative field or compare email.",
            Messages(Alternative("email", "domain2")));

    [Fact]
    public void The_setting_and_alternative_fields_survive_export_and_import()
    {
        var c = WithFields(Alternative("website", "domain2") with { FuzzyIdentityChange = FuzzyIdentityChange.HoldForSteward });

        var yaml = ConfigurationYaml.Export(c, 3);
        var parsed = ConfigurationYaml.Parse(yaml, c);

        Assert.Empty(parsed.Errors);
        Assert.Contains("fuzzyIdentityChange: HoldForSteward\n", yaml, StringComparison.Ordinal);
        var rule = Assert.Single(parsed.Configuration!.MatchRules);
        Assert.Equal((FuzzyIdentityChange.HoldForSteward, "domain2"), (rule.FuzzyIdentityChange, rule.AlternativeFields["website"]));
        Assert.Equal(ConfigurationJson.Serialize(c), ConfigurationJson.Serialize(parsed.Configuration));
    }

    [Fact]
    public void A_yaml_file_without_the_setting_imports_as_keep_existing()
    {
        var c = With(CompanyRule() with { FuzzyIdentityChange = FuzzyIdentityChange.TakeIncoming });
        var yaml = System.Text.RegularExpressions.Regex.Replace(ConfigurationYaml.Export(c, 3), @"\n *fuzzyIdentityChange: TakeIncoming\n", "\n");
        Assert.DoesNotContain("fuzzyIdentityChange", yaml, StringComparison.Ordinal);

        var parsed = ConfigurationYaml.Parse(yaml, c);

        Assert.Empty(parsed.Errors);
        Assert.Equal(FuzzyIdentityChange.KeepExisting, Assert.Single(parsed.Configuration!.MatchRules).FuzzyIdentityChange);
    }

    [Fact]
    public void A_stored_configuration_from_before_the_setting_loads_as_keep_existing()
    {
        var json = ConfigurationJson.Serialize(With(CompanyRule() with { FuzzyIdentityChange = FuzzyIdentityChange.TakeIncoming }))
            .Replace("\"fuzzyIdentityChange\":\"TakeIncoming\",", "", StringComparison.Ordinal)
            .Replace("\"alternativeFields\":{},", "", StringComparison.Ordinal);
        Assert.DoesNotContain("fuzzyIdentityChange", json, StringComparison.Ordinal);

        var rule = Assert.Single(ConfigurationJson.Deserialize(json).MatchRules);

        Assert.Equal((FuzzyIdentityChange.KeepExisting, 0), (rule.FuzzyIdentityChange, rule.AlternativeFields.Count));
    }

    [Fact]
    public void The_handbook_says_what_a_fuzzy_match_does_to_identity_fields()
    {
        var lines = MatchRuleText.Describe(Alternative("website", "domain2") with { FuzzyIdentityChange = FuzzyIdentityChange.HoldForSteward });

        Assert.Contains("When a fuzzy match differs in an identity field (one the rule compares): hold for a steward. "
            + "Matches by the crosswalk or a match key update as the source of truth says.", lines);
        Assert.Contains("A second value is kept in an alternative field when that field is empty: website → domain2.", lines);
    }
}
