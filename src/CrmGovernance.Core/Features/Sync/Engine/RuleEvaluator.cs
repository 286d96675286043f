using System.Globalization;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Applies a flow's rules, in order, to one record. A field named in a trigger or condition reads the mapped (target)
/// value when the target has that field, else the source value. Triggers: Created (no match), Updated (the record
/// this source record created or linked before), MatchedExisting (any match), FieldChangedTo (the value now equals
/// the trigger value and the target's value before did not).
/// </summary>
public static class RuleEvaluator
{
    public static RecordDecision Decide(FlowPlan plan, IncomingRecord record, MatchKind match, IReadOnlyDictionary<string, string?>? before, bool skipReview)
    {
        var decision = new RecordDecision();
        foreach (var rule in plan.Rules)
        {
            if (!Triggered(rule, record, match, before) || !ConditionsHold(rule, record))
            {
                continue;
            }
            decision.FiredRules.Add(rule.Name);
            foreach (var action in rule.Actions)
            {
                Apply(plan, rule, action, decision, skipReview);
            }
        }
        return decision;
    }

    private static void Apply(FlowPlan plan, BusinessRule rule, RuleAction action, RecordDecision decision, bool skipReview)
    {
        switch (action.Kind)
        {
            case RuleActionKind.Create: decision.Create = true; break;
            case RuleActionKind.Update: decision.Update = true; break;
            case RuleActionKind.UpdateOwnedFieldsOnly: decision.OwnedFieldsOnly = true; break;
            case RuleActionKind.AppendActivity: decision.Append = true; break;
            case RuleActionKind.NotifyOwner: decision.NotifyRules.Add(rule.Name); break;
            case RuleActionKind.Reject: decision.RejectReason ??= $"{action.Reason} (rule \"{rule.Name}\")"; break;
            case RuleActionKind.RouteToReview when !skipReview: decision.ReviewReason ??= $"Held for review by rule \"{rule.Name}\"."; break;
            case RuleActionKind.SetField when action.Field is not null: SetField(plan, rule, action.Field, action.Value, decision); break;
            case RuleActionKind.SuppressMarketing: SetField(plan, rule, "contact.marketing_suppressed", "true", decision); break;
            default: break;
        }
    }

    private static void SetField(FlowPlan plan, BusinessRule rule, string qualified, string? value, RecordDecision decision)
    {
        if (plan.Related(qualified) is not { } related)
        {
            return;
        }
        if (related.Object.Id == plan.BusinessObject.Id)
        {
            decision.SetFields[related.Field] = value;
        }
        else
        {
            decision.Related.Add(new RelatedSet(related.Object.Key, related.Field, value ?? "", rule.Name));
        }
    }

    private static bool Triggered(BusinessRule rule, IncomingRecord record, MatchKind match, IReadOnlyDictionary<string, string?>? before) => rule.Trigger switch
    {
        RuleTriggerKind.Created => match == MatchKind.None,
        RuleTriggerKind.Updated => match == MatchKind.Linked,
        RuleTriggerKind.MatchedExisting => match != MatchKind.None,
        RuleTriggerKind.FieldChangedTo => rule.TriggerField is { } field
            && string.Equals(record.Value(field), rule.TriggerValue, StringComparison.OrdinalIgnoreCase)
            && !(before is not null && before.TryGetValue(field, out var was) && string.Equals(was, rule.TriggerValue, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    private static bool ConditionsHold(BusinessRule rule, IncomingRecord record)
    {
        if (rule.Conditions.Count == 0)
        {
            return true;
        }
        return rule.MatchAll ? rule.Conditions.All(c => Holds(c, record)) : rule.Conditions.Any(c => Holds(c, record));
    }

    public static bool Holds(RuleCondition condition, IncomingRecord record)
    {
        var value = record.Value(condition.Field);
        var expected = condition.Value ?? "";
        return condition.Operator switch
        {
            ConditionOperator.Equals => string.Equals(value ?? "", expected, StringComparison.OrdinalIgnoreCase),
            ConditionOperator.NotEquals => !string.Equals(value ?? "", expected, StringComparison.OrdinalIgnoreCase),
            ConditionOperator.Contains => value?.Contains(expected, StringComparison.OrdinalIgnoreCase) == true,
            ConditionOperator.StartsWith => value?.StartsWith(expected, StringComparison.OrdinalIgnoreCase) == true,
            ConditionOperator.IsEmpty => string.IsNullOrWhiteSpace(value),
            ConditionOperator.IsNotEmpty => !string.IsNullOrWhiteSpace(value),
            ConditionOperator.GreaterThan => Compare(value, expected) > 0,
            ConditionOperator.LessThan => Compare(value, expected) < 0,
            ConditionOperator.In => expected.Split('|').Any(v => string.Equals(v.Trim(), value?.Trim(), StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
    }

    /// <summary>Numbers compare as numbers, anything else as text; a missing value compares as null (never greater or less).</summary>
    private static int? Compare(string? value, string expected)
    {
        if (value is null)
        {
            return null;
        }
        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
        {
            return a.CompareTo(b);
        }
        return string.Compare(value, expected, StringComparison.OrdinalIgnoreCase);
    }
}
