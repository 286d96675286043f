using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Quality.Fields;

namespace CrmGovernance.Core.Tests.Features.Quality.Fields;

/// <summary>The usage map finds every place a configuration names a field, on the right system's catalog, and nothing else.</summary>
public sealed class FieldUsageMapTests
{
    private static readonly Guid Web = Guid.NewGuid(), Crm = Guid.NewGuid(), Flow = Guid.NewGuid(), Contact = StandardObjects.Contact;

    private static FieldDefinition Field(Guid system, string name) => new() { Id = Guid.NewGuid(), SystemId = system, ObjectId = Contact, Name = name };

    [Fact]
    public void Every_reference_to_a_field_across_mappings_transforms_match_keys_rules_match_rules_and_sources_of_truth_is_found()
    {
        var webEmail = Field(Web, "email");
        var webName = Field(Web, "full_name");
        var webConsent = Field(Web, "consent");
        var crmEmail = Field(Crm, "email");
        var crmName = Field(Crm, "display_name");
        var crmStatus = Field(Crm, "status");
        var crmSecondEmail = Field(Crm, "secondary_email");
        var crmFax = Field(Crm, "fax");
        var webFax = Field(Web, "fax");
        var emailMapping = new FieldMapping
        {
            Id = Guid.NewGuid(), FlowId = Flow, SourceFields = ["email"], TargetField = "email",
            Transforms = [new Transform { Kind = TransformKind.Trim }, new Transform { Kind = TransformKind.EmailNormalise }],
        };
        var nameMapping = new FieldMapping { Id = Guid.NewGuid(), FlowId = Flow, SourceFields = ["full_name"], TargetField = "display_name" };
        var rule = new BusinessRule
        {
            Id = Guid.NewGuid(), FlowId = Flow, Name = "Consent withdrawn", Trigger = RuleTriggerKind.FieldChangedTo, TriggerField = "consent", TriggerValue = "no",
            Conditions = [new RuleCondition { Field = "status", Operator = ConditionOperator.NotEquals, Value = "customer" }],
            Actions = [new RuleAction { Kind = RuleActionKind.SetField, Field = "status", Value = "unsubscribed" }],
        };
        var matchRule = new MatchRule
        {
            Id = Guid.NewGuid(), ObjectId = Contact, Name = "People",
            Comparisons = [new MatchComparison { Attribute = "email" }, new MatchComparison { Attribute = "full_name" }],
            BlockingKeys = ["email", "full_name.metaphone"],
            FieldNames = new() { ["full_name"] = "display_name" },
            AlternativeFields = new() { ["email"] = "secondary_email" },
        };
        var sot = new SourceOfTruth { Id = Guid.NewGuid(), ObjectId = Contact, SystemOfRecordId = Crm, Fields = [new FieldSourceOfTruth { Field = "status", OwnerSystemId = Crm }] };
        var configuration = new GovernanceConfiguration
        {
            Systems = [new ConnectedSystem { Id = Web, Key = "web", Name = "Website" }, new ConnectedSystem { Id = Crm, Key = "crm", Name = "CRM" }],
            Objects = StandardObjects.All("owner@example.com", "steward@example.com"),
            Fields = [webEmail, webName, webConsent, crmEmail, crmName, crmStatus, crmSecondEmail, crmFax, webFax],
            Flows = [new DataFlow { Id = Flow, Name = "Web to CRM", ObjectId = Contact, SourceSystemId = Web, TargetSystemId = Crm, MatchKeys = ["email"] }],
            Mappings = [emailMapping, nameMapping],
            Rules = [rule],
            MatchRules = [matchRule],
            SourcesOfTruth = [sot],
        };

        var map = FieldUsageMap.Of(configuration);

        Assert.Equal([FieldUseKind.MappingReads, FieldUseKind.Transform, FieldUseKind.MatchRuleCompares, FieldUseKind.MatchRuleBlocks],
            map.UsesOf(webEmail.Id).Select(u => u.Kind));
        Assert.Equal([FieldUseKind.MappingWrites, FieldUseKind.FlowMatchKey, FieldUseKind.MatchRuleCompares, FieldUseKind.MatchRuleBlocks],
            map.UsesOf(crmEmail.Id).Select(u => u.Kind));
        Assert.All(map.UsesOf(crmEmail.Id).Take(2), u => Assert.Equal(Flow, u.FlowId));
        Assert.Equal([FieldUseKind.MappingReads, FieldUseKind.MatchRuleCompares, FieldUseKind.MatchRuleBlocks], map.UsesOf(webName.Id).Select(u => u.Kind));
        Assert.Equal([FieldUseKind.MappingWrites, FieldUseKind.MatchRuleCompares, FieldUseKind.MatchRuleBlocks], map.UsesOf(crmName.Id).Select(u => u.Kind));
        Assert.Equal([FieldUseKind.RuleTrigger], map.UsesOf(webConsent.Id).Select(u => u.Kind));
        Assert.Equal([FieldUseKind.RuleCondition, FieldUseKind.RuleSets, FieldUseKind.SourceOfTruth], map.UsesOf(crmStatus.Id).Select(u => u.Kind));
        Assert.Equal([FieldUseKind.MatchRuleKeepsAlternative], map.UsesOf(crmSecondEmail.Id).Select(u => u.Kind));
        Assert.Empty(map.UsesOf(crmFax.Id));
        Assert.Empty(map.UsesOf(webFax.Id));

        var transform = map.UsesOf(webEmail.Id)[1];
        Assert.Equal((ConfigurationItemKind.Mapping, emailMapping.Id), (transform.ItemKind, transform.ItemId));
        Assert.Contains("Trim → EmailNormalise", transform.Description, StringComparison.Ordinal);
        Assert.Equal((ConfigurationItemKind.Rule, rule.Id), (map.UsesOf(crmStatus.Id)[1].ItemKind, map.UsesOf(crmStatus.Id)[1].ItemId));
        Assert.Equal((ConfigurationItemKind.SourceOfTruth, sot.Id), (map.UsesOf(crmStatus.Id)[2].ItemKind, map.UsesOf(crmStatus.Id)[2].ItemId));
        Assert.True(map.UsesOf(crmSecondEmail.Id)[0].Writes);
    }

    [Fact]
    public void In_the_demo_configuration_every_mapping_is_found_on_both_of_its_ends()
    {
        var configuration = DemoConfiguration.Build("owner@example.com", "steward@example.com");
        var map = FieldUsageMap.Of(configuration);

        foreach (var mapping in configuration.Mappings)
        {
            var flow = configuration.FindFlow(mapping.FlowId)!;
            var target = configuration.CatalogOf(flow.TargetSystemId, flow.ObjectId)[mapping.TargetField];
            Assert.Contains(map.UsesOf(target.Id), u => u.Kind == FieldUseKind.MappingWrites && u.ItemId == mapping.Id);
            foreach (var name in mapping.SourceFields)
            {
                var source = configuration.CatalogOf(flow.SourceSystemId, flow.ObjectId)[name];
                Assert.Contains(map.UsesOf(source.Id), u => u.Kind == FieldUseKind.MappingReads && u.ItemId == mapping.Id);
            }
        }
    }

    [Fact]
    public void A_rule_setting_a_field_of_another_object_and_a_suppress_marketing_action_count_as_writing_those_fields_and_a_deprecated_one_is_refused()
    {
        var configuration = DemoConfiguration.Build("owner@example.com", "steward@example.com");
        var map = FieldUsageMap.Of(configuration);
        var orders = configuration.FindFlow(DemoConfiguration.OrdersFlow)!;
        var customerStatus = configuration.CatalogOf(orders.TargetSystemId, StandardObjects.Contact)["customer_status"];
        var suppressing = configuration.Rules.First(r => r.Actions.Any(a => a.Kind == RuleActionKind.SuppressMarketing));
        var suppressingFlow = configuration.FindFlow(suppressing.FlowId)!;
        var suppressed = configuration.CatalogOf(suppressingFlow.TargetSystemId, StandardObjects.Contact)["marketing_suppressed"];

        Assert.Contains(map.UsesOf(customerStatus.Id), u => u is { Kind: FieldUseKind.RuleSets, Writes: true } && u.FlowId == orders.Id);
        Assert.Contains(map.UsesOf(suppressed.Id), u => u.Kind == FieldUseKind.RuleSets && u.ItemId == suppressing.Id);
        Assert.All(map.UsesOf(customerStatus.Id), u => Assert.DoesNotContain("Refund", u.WithoutDetail().Description, StringComparison.OrdinalIgnoreCase));

        var deprecated = configuration with { Fields = [.. configuration.Fields.Select(f => f.Id == customerStatus.Id ? f with { Deprecated = true } : f)] };
        Assert.Empty(ConfigurationValidator.Validate(configuration));
        var issue = Assert.Single(ConfigurationValidator.Validate(deprecated));
        Assert.Contains("it sets the field \"contact.customer_status\", which is deprecated", issue.Message, StringComparison.Ordinal);
    }
}
