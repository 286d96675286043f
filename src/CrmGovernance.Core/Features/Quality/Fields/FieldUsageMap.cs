using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>
/// Every place a configuration uses each catalog field: flows' mappings (reading, writing, transforming), match keys,
/// rules (trigger, conditions, values set), match rules (compared, blocking, second values kept) and sources of truth.
/// A mapping reads from its flow's source catalog and writes to its target's; a rule may name a field of either end.
/// </summary>
public sealed class FieldUsageMap
{
    private static readonly IReadOnlyList<FieldUse> None = [];
    private readonly Dictionary<Guid, List<FieldUse>> _uses = [];

    private FieldUsageMap()
    {
    }

    public IReadOnlyList<FieldUse> UsesOf(Guid fieldId) => _uses.TryGetValue(fieldId, out var uses) ? uses : None;

    public static FieldUsageMap Of(GovernanceConfiguration c)
    {
        var map = new FieldUsageMap();
        foreach (var flow in c.Flows)
        {
            map.AddFlow(c, flow);
        }
        foreach (var rule in c.MatchRules)
        {
            map.AddMatchRule(c, rule);
        }
        foreach (var sot in c.SourcesOfTruth)
        {
            map.AddSourceOfTruth(c, sot);
        }
        return map;
    }

    private void AddFlow(GovernanceConfiguration c, DataFlow flow)
    {
        var source = c.CatalogOf(flow.SourceSystemId, flow.ObjectId);
        var target = c.CatalogOf(flow.TargetSystemId, flow.ObjectId);
        foreach (var m in c.Mappings.Where(m => m.FlowId == flow.Id).OrderBy(m => m.Order))
        {
            var chain = string.Join(" → ", m.Transforms.Select(t => t.Kind.ToString()));
            foreach (var name in m.SourceFields)
            {
                Add(source, name, FieldUseKind.MappingReads, ConfigurationItemKind.Mapping, m.Id, flow.Id, $"Flow {flow.Name} reads it into {m.TargetField}.");
                if (m.Transforms.Count > 0)
                {
                    Add(source, name, FieldUseKind.Transform, ConfigurationItemKind.Mapping, m.Id, flow.Id, $"Flow {flow.Name} transforms it ({chain}) into {m.TargetField}.");
                }
            }
            var from = m.SourceFields.Count == 0 ? "a constant" : string.Join(" + ", m.SourceFields);
            Add(target, m.TargetField, FieldUseKind.MappingWrites, ConfigurationItemKind.Mapping, m.Id, flow.Id, $"Flow {flow.Name} writes it from {from}.");
        }
        foreach (var key in flow.MatchKeys)
        {
            Add(target, key, FieldUseKind.FlowMatchKey, ConfigurationItemKind.Flow, flow.Id, flow.Id, $"Flow {flow.Name} finds existing records by it.");
        }
        foreach (var rule in c.Rules.Where(r => r.FlowId == flow.Id).OrderBy(r => r.Order))
        {
            AddRule(c, source, target, flow, rule);
        }
    }

    private void AddRule(GovernanceConfiguration c, Dictionary<string, FieldDefinition> source, Dictionary<string, FieldDefinition> target, DataFlow flow, BusinessRule rule)
    {
        void Either(string? field, FieldUseKind kind, string description)
        {
            Add(source, field, kind, ConfigurationItemKind.Rule, rule.Id, flow.Id, description);
            if (!ReferenceEquals(source, target))
            {
                Add(target, field, kind, ConfigurationItemKind.Rule, rule.Id, flow.Id, description);
            }
        }

        if (rule.Trigger == RuleTriggerKind.FieldChangedTo)
        {
            Either(rule.TriggerField, FieldUseKind.RuleTrigger, $"Rule \"{rule.Name}\" of flow {flow.Name} fires when it changes to \"{rule.TriggerValue}\".");
        }
        foreach (var condition in rule.Conditions)
        {
            Either(condition.Field, FieldUseKind.RuleCondition, $"Rule \"{rule.Name}\" of flow {flow.Name} checks it ({condition.Operator} {condition.Value}).");
        }
        foreach (var action in rule.Actions)
        {
            var (field, value) = action.Kind switch
            {
                RuleActionKind.SetField => (action.Field, action.Value),
                RuleActionKind.SuppressMarketing => (SuppressMarketingField, "true"),
                _ => (null, null),
            };
            if (field is not null && c.FieldNamed(flow.TargetSystemId, flow.ObjectId, field) is { } written)
            {
                Use(written.Id, new FieldUse(FieldUseKind.RuleSets, ConfigurationItemKind.Rule, rule.Id, flow.Id, $"Rule \"{rule.Name}\" of flow {flow.Name} sets it to \"{value}\"."));
            }
        }
    }

    /// <summary>What a rule's Suppress marketing action writes (as the sync engine's rule evaluator does).</summary>
    private const string SuppressMarketingField = "contact.marketing_suppressed";

    private void AddMatchRule(GovernanceConfiguration c, MatchRule rule)
    {
        var compared = rule.Comparisons.Select(x => x.Attribute).ToHashSet(StringComparer.Ordinal);
        var blocking = rule.BlockingKeys
            .SelectMany(k => BlockingKeyExpression.TryParse(k, out var expression, out _) ? expression.Parts.Select(p => p.Attribute) : [])
            .ToHashSet(StringComparer.Ordinal);
        var name = string.IsNullOrWhiteSpace(rule.Name) ? "the match rule" : $"match rule {rule.Name}";
        foreach (var systemId in c.Fields.Where(f => f.ObjectId == rule.ObjectId).Select(f => f.SystemId).Distinct())
        {
            var catalog = c.CatalogOf(systemId, rule.ObjectId);
            foreach (var (attribute, field) in MatchFields.For(rule, catalog).FieldByAttribute)
            {
                if (compared.Contains(attribute))
                {
                    Add(catalog, field, FieldUseKind.MatchRuleCompares, ConfigurationItemKind.MatchRule, rule.Id, null, $"The {name} compares it as {attribute}.");
                }
                if (blocking.Contains(attribute))
                {
                    Add(catalog, field, FieldUseKind.MatchRuleBlocks, ConfigurationItemKind.MatchRule, rule.Id, null, $"The {name} groups candidate pairs by it ({attribute}).");
                }
            }
            foreach (var (attribute, field) in rule.AlternativeFields)
            {
                Add(catalog, field, FieldUseKind.MatchRuleKeepsAlternative, ConfigurationItemKind.MatchRule, rule.Id, null,
                    $"The {name} keeps a fuzzy match's second {attribute} in it.");
            }
        }
    }

    private void AddSourceOfTruth(GovernanceConfiguration c, SourceOfTruth sot)
    {
        foreach (var entry in sot.Fields)
        {
            var owner = entry.OwnerSystemId is { } id ? c.FindSystem(id)?.Name ?? "a removed system" : "the system of record";
            foreach (var field in c.Fields.Where(f => f.ObjectId == sot.ObjectId && string.Equals(f.Name, entry.Field, StringComparison.OrdinalIgnoreCase)))
            {
                Use(field.Id, new FieldUse(FieldUseKind.SourceOfTruth, ConfigurationItemKind.SourceOfTruth, sot.Id, null,
                    $"The source of truth names it: owned by {owner}, survivorship {Words(entry.Strategy)}."));
            }
        }
    }

    /// <summary>SourcePriority → "source priority".</summary>
    private static string Words(SurvivorshipStrategy strategy) =>
        System.Text.RegularExpressions.Regex.Replace(strategy.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

    private void Add(Dictionary<string, FieldDefinition> catalog, string? name, FieldUseKind kind, ConfigurationItemKind itemKind, Guid itemId, Guid? flowId, string description)
    {
        if (name is not null && catalog.TryGetValue(name, out var field))
        {
            Use(field.Id, new FieldUse(kind, itemKind, itemId, flowId, description));
        }
    }

    private void Use(Guid fieldId, FieldUse use)
    {
        if (!_uses.TryGetValue(fieldId, out var list))
        {
            _uses[fieldId] = list = [];
        }
        if (!list.Contains(use))
        {
            list.Add(use);
        }
    }
}
