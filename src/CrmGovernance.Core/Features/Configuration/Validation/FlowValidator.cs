using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

namespace CrmGovernance.Core.Features.Configuration.Validation;

/// <summary>Checks one flow: its ends, owner and schedule, its mappings against both field catalogs, and its rules.</summary>
public static class FlowValidator
{
    public static IReadOnlyList<ValidationIssue> Validate(GovernanceConfiguration c, DataFlow flow)
    {
        var issues = new List<ValidationIssue>();
        void Flow(string message) => issues.Add(new(ConfigurationItemKind.Flow, flow.Id, message));

        var source = c.FindSystem(flow.SourceSystemId);
        var target = c.FindSystem(flow.TargetSystemId);
        var obj = c.FindObject(flow.ObjectId);
        if (source is null || target is null || obj is null)
        {
            Flow($"The flow {flow.Name} names a source system, target system or object that does not exist.");
            return issues;
        }
        if (string.IsNullOrWhiteSpace(flow.Owner))
        {
            Flow($"The flow {flow.Name} has no owner.");
        }
        if (flow.Pattern == FlowPattern.Scheduled && !CronText.IsValid(flow.Cron))
        {
            Flow($"The schedule of {flow.Name} (\"{flow.Cron}\") is not a valid cron expression, e.g. \"0 */15 * * * ?\" for every 15 minutes.");
        }
        if (flow.JourneyStepId is { } step && !c.Journeys.Any(j => j.Steps.Any(s => s.Id == step)))
        {
            Flow($"The flow {flow.Name} serves a journey step that does not exist.");
        }

        var sourceFields = c.CatalogOf(source.Id, obj.Id);
        var targetFields = c.CatalogOf(target.Id, obj.Id);
        foreach (var mapping in c.Mappings.Where(m => m.FlowId == flow.Id))
        {
            issues.AddRange(Mapping(flow, mapping, source, target, sourceFields, targetFields));
        }
        foreach (var group in c.Mappings.Where(m => m.FlowId == flow.Id).GroupBy(m => m.TargetField, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            issues.Add(new(ConfigurationItemKind.Mapping, group.Last().Id, $"{flow.Name}: two mappings write {target.Name}.{group.Key}."));
        }
        foreach (var key in flow.MatchKeys.Where(k => !targetFields.ContainsKey(k)))
        {
            Flow($"The flow {flow.Name} matches on \"{key}\", which is not in {target.Name}'s field catalog.");
        }
        foreach (var key in flow.MatchKeys.Where(k => targetFields.ContainsKey(k)
            && !c.Mappings.Any(m => m.FlowId == flow.Id && string.Equals(m.TargetField, k, StringComparison.OrdinalIgnoreCase))))
        {
            Flow($"The flow {flow.Name} matches on \"{key}\", but no mapping of the flow fills it.");
        }
        foreach (var rule in c.Rules.Where(r => r.FlowId == flow.Id))
        {
            issues.AddRange(Rule(c, flow, rule, target, sourceFields, targetFields));
        }
        return issues;
    }

    /// <summary>A field of the flow's object ("status"), or of another object of the target system ("contact.customer_status").</summary>
    private static bool TargetHas(GovernanceConfiguration c, ConnectedSystem target, Dictionary<string, FieldDefinition> targetFields, string? field) =>
        TargetField(c, target, targetFields, field) is not null;

    private static FieldDefinition? TargetField(GovernanceConfiguration c, ConnectedSystem target, Dictionary<string, FieldDefinition> targetFields, string? field) =>
        field is not null && !field.Contains('.', StringComparison.Ordinal) ? targetFields.GetValueOrDefault(field)
            : c.FieldNamed(target.Id, Guid.Empty, field);

    private static IEnumerable<ValidationIssue> Mapping(DataFlow flow, FieldMapping m, ConnectedSystem source, ConnectedSystem target,
        Dictionary<string, FieldDefinition> sourceFields, Dictionary<string, FieldDefinition> targetFields)
    {
        var unknown = m.SourceFields.Where(f => !sourceFields.ContainsKey(f)).ToList();
        foreach (var field in unknown)
        {
            yield return new(ConfigurationItemKind.Mapping, m.Id, $"{flow.Name}: the source field {source.Name}.{field} is not in {source.Name}'s field catalog.");
        }
        if (!targetFields.TryGetValue(m.TargetField, out var targetField))
        {
            yield return new(ConfigurationItemKind.Mapping, m.Id, $"{flow.Name}: the target field {target.Name}.{m.TargetField} is not in {target.Name}'s field catalog.");
            yield break;
        }
        if (targetField.Deprecated)
        {
            yield return new(ConfigurationItemKind.Mapping, m.Id,
                $"{flow.Name}: the target field {target.Name}.{m.TargetField} is deprecated (on its way out of the catalog); nothing may write it any more.");
        }
        if (unknown.Count > 0)
        {
            yield break;
        }
        foreach (var error in MappingTypeCheck.Check(m, m.SourceFields.Select(f => sourceFields[f]).ToList(), targetField))
        {
            yield return new(ConfigurationItemKind.Mapping, m.Id, $"{flow.Name}: {error}");
        }
    }

    private static IEnumerable<ValidationIssue> Rule(GovernanceConfiguration c, DataFlow flow, BusinessRule rule, ConnectedSystem target,
        Dictionary<string, FieldDefinition> sourceFields, Dictionary<string, FieldDefinition> targetFields)
    {
        ValidationIssue Issue(string message) => new(ConfigurationItemKind.Rule, rule.Id, $"{flow.Name}, rule \"{rule.Name}\": {message}");
        bool Known(string? field) => field is not null && (sourceFields.ContainsKey(field) || targetFields.ContainsKey(field));

        if (rule.Actions.Count == 0)
        {
            yield return Issue("it has no action.");
        }
        if (rule.Trigger == RuleTriggerKind.FieldChangedTo && !Known(rule.TriggerField))
        {
            yield return Issue($"its trigger watches the field \"{rule.TriggerField}\", which neither system has.");
        }
        if (rule.Trigger == RuleTriggerKind.FieldChangedTo && string.IsNullOrWhiteSpace(rule.TriggerValue))
        {
            yield return Issue("its trigger needs the value the field changes to.");
        }
        foreach (var condition in rule.Conditions.Where(c => !Known(c.Field)))
        {
            yield return Issue($"a condition reads the field \"{condition.Field}\", which neither system has.");
        }
        foreach (var action in rule.Actions.Where(a => a.Kind == RuleActionKind.SetField && !TargetHas(c, target, targetFields, a.Field)))
        {
            yield return Issue($"it sets the field \"{action.Field}\", which {target.Name} does not have.");
        }
        foreach (var action in rule.Actions.Where(a => a.Kind == RuleActionKind.SetField && TargetField(c, target, targetFields, a.Field) is { Deprecated: true }))
        {
            yield return Issue($"it sets the field \"{action.Field}\", which is deprecated (on its way out of the catalog); nothing may write it any more.");
        }
        foreach (var action in rule.Actions.Where(a => a.Kind == RuleActionKind.Reject && string.IsNullOrWhiteSpace(a.Reason)))
        {
            yield return Issue("a Reject action needs a reason, so the error queue can say why.");
        }
    }
}
