using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Configuration.Yaml;
using CrmGovernance.Core.Features.FirstRun;
using CsCheck;

namespace CrmGovernance.Core.Tests.Features.Configuration.Yaml;

public sealed class ConfigurationYamlTests
{
    [Fact]
    public void Export_then_parse_gives_the_demo_configuration_back_exactly()
    {
        var demo = YamlSamples.Demo();

        var parsed = Parse(ConfigurationYaml.Export(demo, 1), demo);

        Assert.Equal(ConfigurationJson.Serialize(demo), ConfigurationJson.Serialize(parsed));
    }

    [Fact]
    public void A_deprecated_field_is_exported_as_such_and_reads_back_deprecated_while_the_others_stay_as_they_were()
    {
        var demo = YamlSamples.Demo();
        var deprecated = demo with { Fields = [demo.Fields[0] with { Deprecated = true }, .. demo.Fields.Skip(1)] };

        var yaml = ConfigurationYaml.Export(deprecated, 2);
        var parsed = Parse(yaml, deprecated);

        Assert.Single(yaml.Split('\n'), line => line.Trim() == "deprecated: true");
        Assert.True(parsed.Fields.Single(f => f.Id == demo.Fields[0].Id).Deprecated);
        Assert.Equal(ConfigurationJson.Serialize(deprecated), ConfigurationJson.Serialize(parsed));
    }

    [Fact]
    public void Scenario_suites_are_exported_and_read_back_exactly_and_a_configuration_without_any_exports_as_before()
    {
        var demo = YamlSamples.Demo();
        var withScenarios = DemoConfiguration.WithScenarioLibrary(demo);
        Assert.NotEmpty(withScenarios.Scenarios);

        var yaml = ConfigurationYaml.Export(withScenarios, 3);
        var parsed = Parse(yaml, withScenarios);

        Assert.Equal(ConfigurationJson.Serialize(withScenarios), ConfigurationJson.Serialize(parsed));
        Assert.Contains("targetUnavailable: true", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("scenarios", ConfigurationYaml.Export(demo, 1), StringComparison.Ordinal);
        Assert.DoesNotContain("scenarios", ConfigurationJson.Serialize(demo), StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_rule_region_is_exported_and_read_back_and_a_rule_without_one_exports_as_before()
    {
        var demo = YamlSamples.Demo();
        var regional = demo with { MatchRules = [demo.MatchRules[0] with { Region = "NL" }, .. demo.MatchRules.Skip(1)] };

        var yaml = ConfigurationYaml.Export(regional, 2);
        var parsed = Parse(yaml, regional);

        Assert.Equal("NL", parsed.MatchRules[0].Region);
        Assert.Equal(ConfigurationJson.Serialize(regional), ConfigurationJson.Serialize(parsed));
        Assert.DoesNotContain("region", ConfigurationJson.Serialize(demo).ToLowerInvariant().Replace("defaultregion", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_then_parse_keeps_value_maps_secrets_and_text_that_looks_like_numbers_or_booleans()
    {
        var sample = YamlSamples.WithSecret();
        Assert.Contains(sample.Mappings, m => m.Transforms.Any(t => t.Kind == TransformKind.ValueMap && t.Map.Count > 0));

        var parsed = Parse(ConfigurationYaml.Export(sample, 4), sample);

        Assert.Equal(ConfigurationJson.Serialize(sample), ConfigurationJson.Serialize(parsed));
        Assert.Equal(YamlSamples.Ciphertext, parsed.FindSystem(DemoConfiguration.Crm)!.Secrets["apiKey"]);
    }

    [Fact]
    public void Any_text_survives_the_round_trip()
    {
        var demo = YamlSamples.Demo();
        var yamlish = Gen.String[Gen.Char[" \n\t\r:#-?!*&|>'\"%@`{}[],.~0123456789aZtrueflsnul\u00a0\u2028\u0085→é"], 0, 12];
        var text = Gen.OneOf(Gen.String, yamlish, Gen.String[Gen.Char, 0, 12]);
        Gen.Select(text, text, text).Sample((description, key, value) =>
        {
            var system = demo.Systems[0] with { Settings = new(StringComparer.Ordinal) { [key] = value } };
            var c = new GovernanceConfiguration { Objects = [demo.Objects[0] with { Description = description }], Systems = [system] };
            return ConfigurationJson.Serialize(Parse(ConfigurationYaml.Export(c, 1), c)) == ConfigurationJson.Serialize(c);
        }, iter: 3000);
    }

    [Fact]
    public void Secrets_never_appear_in_the_export()
    {
        var yaml = ConfigurationYaml.Export(YamlSamples.WithSecret(), 1);

        Assert.DoesNotContain(YamlSamples.Ciphertext, yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("RECOGNISABLE", yaml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"apiKey: \"{ConfigurationYaml.SecretPlaceholder}\"", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_value_written_in_the_file_is_refused()
    {
        var sample = YamlSamples.WithSecret();
        var yaml = ConfigurationYaml.Export(sample, 1).Replace($"apiKey: \"{ConfigurationYaml.SecretPlaceholder}\"", "apiKey: hunter2", StringComparison.Ordinal);

        var result = ConfigurationYaml.Parse(yaml, sample);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Configuration);
        Assert.StartsWith($"Line {LineOf(yaml, "apiKey: hunter2")}: the secret \"apiKey\" of system \"crm\"", error, StringComparison.Ordinal);
        Assert.Contains("entered in the portal only", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_for_a_secret_that_was_never_set_is_refused()
    {
        var sample = YamlSamples.WithSecret();
        var yaml = ConfigurationYaml.Export(sample, 1);

        var result = ConfigurationYaml.Parse(yaml, YamlSamples.Demo());

        Assert.Contains("system \"crm\" has no secret \"apiKey\"", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("systems:\n  - key: crm\n    name: \"CRM\n", 3, "found unexpected end of stream")]
    [InlineData("systems:\n  - key: crm\n   name: CRM\n", 3, "the YAML is malformed")]
    [InlineData("flows: [a, b\nrules: []\n", 2, "bracket or a quote left open")]
    [InlineData("# nothing but a comment\n", 1, "the file is empty")]
    public void Malformed_yaml_gives_a_readable_error_with_its_line_number(string yaml, int line, string words)
    {
        var error = Assert.Single(ConfigurationYaml.Parse(yaml, GovernanceConfiguration.Empty).Errors);

        Assert.StartsWith($"Line {line}: ", error, StringComparison.Ordinal);
        Assert.Contains(words, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_missing_ids_bad_enum_values_and_bad_numbers_are_each_reported_on_their_line()
    {
        var demo = YamlSamples.Demo();
        var yaml = ConfigurationYaml.Export(demo, 1)
            .Replace("cron: \"0/30 * * * * ?\"", "crn: \"0/30 * * * * ?\"", StringComparison.Ordinal)
            .Replace("kind: Crm", "kind: Salesforce", StringComparison.Ordinal)
            .Replace($"- id: {StandardObjects.Order}", $"- uuid: {StandardObjects.Order}", StringComparison.Ordinal)
            .Replace("phase: 2", "phase: two", StringComparison.Ordinal);

        var errors = ConfigurationYaml.Parse(yaml, demo).Errors;

        Assert.Contains(errors, e => e.StartsWith($"Line {LineOf(yaml, "crn:")}: flows[0] has an unknown key \"crn\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == $"Line {LineOf(yaml, "kind: Salesforce")}: systems[0].kind is \"Salesforce\", which is not one of Crm, WebsiteCms, MarketingAutomation, Ecommerce, Erp, SupportDesk, Other.");
        Assert.Contains(errors, e => e.StartsWith($"Line {LineOf(yaml, "- uuid:")}: objects[4] has an unknown key \"uuid\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == $"Line {LineOf(yaml, "- uuid:")}: objects[4] has no id.");
        Assert.Contains(errors, e => e == $"Line {LineOf(yaml, "phase: two")}: flows[2].phase is \"two\", which is not a whole number.");
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void Two_items_of_a_kind_with_one_id_are_refused()
    {
        var demo = YamlSamples.Demo();
        var yaml = ConfigurationYaml.Export(demo with { Objects = [.. demo.Objects, demo.Objects[0] with { Key = "zz-copy" }] }, 1);

        var error = Assert.Single(ConfigurationYaml.Parse(yaml, demo).Errors);

        Assert.Contains($"objects: the id {demo.Objects[0].Id} is already used on line", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_export_is_stable_and_lists_items_in_canonical_order_with_a_version_header()
    {
        var demo = YamlSamples.WithSecret();
        var shuffled = demo with { Systems = [.. Enumerable.Reverse(demo.Systems)], Flows = [.. Enumerable.Reverse(demo.Flows)], Rules = [.. Enumerable.Reverse(demo.Rules)] };

        var yaml = ConfigurationYaml.Export(demo, 7);

        Assert.Equal(yaml, ConfigurationYaml.Export(shuffled, 7));
        Assert.Equal(yaml, ConfigurationYaml.Export(Parse(yaml, demo), 7));
        Assert.StartsWith("# CrmGovernance configuration, version 7.\n", yaml, StringComparison.Ordinal);
        var canonical = ConfigurationJson.Canonical(demo);
        AssertInOrder(yaml, canonical.Systems.Select(s => $"key: {s.Key}\n"));
        AssertInOrder(yaml, canonical.Flows.Select(f => $"name: {f.Name}\n"));
        AssertInOrder(yaml, canonical.Rules.Select(r => $"id: {r.Id}\n"));
        AssertInOrder(yaml, ["systems:", "objects:", "fields:", "sourcesOfTruth:", "journeys:", "flows:", "mappings:", "rules:"]);
        Assert.Contains("pattern: EventDriven\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("displayName", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_then_parse_keeps_escalation_contacts_and_incident_policies()
    {
        var demo = YamlSamples.Demo();
        var flow = demo.Flows[0].Id;
        var sample = demo with
        {
            Objects = [demo.Objects[0] with { EscalationContact = "head.of.sales@example.com" }, .. demo.Objects.Skip(1)],
            IncidentPolicies =
            [
                new IncidentPolicy { Id = Guid.NewGuid(), FlowId = flow, ErrorQueueThreshold = 5, RejectionRateThreshold = 0.05, AcknowledgeMinutes = [5, 30, 120, 720] },
                new IncidentPolicy { Id = Guid.NewGuid(), ResolveHours = [2, 12, 48, 96], VolumeDropRatio = 0.5 },
            ],
        };

        var yaml = ConfigurationYaml.Export(sample, 3);
        var parsed = Parse(yaml, sample);

        Assert.Equal(ConfigurationJson.Serialize(sample), ConfigurationJson.Serialize(parsed));
        Assert.Contains("escalationContact: head.of.sales@example.com\n", yaml, StringComparison.Ordinal);
        Assert.Equal("head.of.sales@example.com", parsed.FindObject(demo.Objects[0].Id)!.EscalationContact);
        Assert.Equal([5, 30, 120, 720], parsed.IncidentPolicyFor(flow).AcknowledgeMinutes);
        Assert.Equal([2, 12, 48, 96], parsed.IncidentPolicyFor(null).ResolveHours);
        // The default policy is listed before any flow's.
        var policies = yaml[yaml.IndexOf("incidentPolicies:", StringComparison.Ordinal)..];
        AssertInOrder(policies, ["volumeDropRatio: 0.5", $"flowId: {flow}"]);
    }

    private static GovernanceConfiguration Parse(string yaml, GovernanceConfiguration current)
    {
        var result = ConfigurationYaml.Parse(yaml, current);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Configuration!;
    }

    private static int LineOf(string text, string fragment)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(index >= 0, $"\"{fragment}\" is not in the text.");
        return text[..index].Count(c => c == '\n') + 1;
    }

    private static void AssertInOrder(string text, IEnumerable<string> fragments)
    {
        var positions = fragments.Select(f => text.IndexOf(f, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }
}
