using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Handbook;

/// <summary>A business rule in plain words: "When a record matches an existing one: update only the fields this source owns; append …".</summary>
public static class RuleText
{
    public static string Describe(BusinessRule rule)
    {
        var when = rule.Trigger switch
        {
            RuleTriggerKind.Created => "When a new record arrives",
            RuleTriggerKind.Updated => "When a record is updated in the source",
            RuleTriggerKind.MatchedExisting => "When the record matches an existing one in the target",
            RuleTriggerKind.FieldChangedTo => $"When {rule.TriggerField} changes to \"{rule.TriggerValue}\"",
            _ => "When",
        };
        var conditions = rule.Conditions.Count == 0 ? ""
            : $" and {(rule.MatchAll ? "all" : "any")} of: {string.Join("; ", rule.Conditions.Select(Condition))}";
        return $"{when}{conditions}: {string.Join("; ", rule.Actions.Select(Action))}.";
    }

    private static string Condition(RuleCondition c) => c.Operator switch
    {
        ConditionOperator.IsEmpty => $"{c.Field} is empty",
        ConditionOperator.IsNotEmpty => $"{c.Field} is not empty",
        ConditionOperator.In => $"{c.Field} is one of {c.Value?.Replace("|", ", ", StringComparison.Ordinal)}",
        ConditionOperator.NotEquals => $"{c.Field} is not \"{c.Value}\"",
        ConditionOperator.Contains => $"{c.Field} contains \"{c.Value}\"",
        ConditionOperator.StartsWith => $"{c.Field} starts with \"{c.Value}\"",
        ConditionOperator.GreaterThan => $"{c.Field} is more than {c.Value}",
        ConditionOperator.LessThan => $"{c.Field} is less than {c.Value}",
        _ => $"{c.Field} is \"{c.Value}\"",
    };

    private static string Action(RuleAction a) => a.Kind switch
    {
        RuleActionKind.Create => "create the record in the target",
        RuleActionKind.Update => "update the target record",
        RuleActionKind.UpdateOwnedFieldsOnly => "update only the fields this source owns",
        RuleActionKind.AppendActivity => "append the submission as an activity",
        RuleActionKind.RouteToReview => "send it to the steward review queue",
        RuleActionKind.Reject => $"reject it to the error queue ({a.Reason})",
        RuleActionKind.SetField => $"set {a.Field} to \"{a.Value}\"",
        RuleActionKind.SuppressMarketing => "suppress marketing emails",
        RuleActionKind.NotifyOwner => "notify the owner",
        _ => a.Kind.ToString(),
    };
}
