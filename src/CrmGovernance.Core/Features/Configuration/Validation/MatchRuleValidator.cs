using CrmGovernance.Core.Features.Configuration.Handbook;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.Blocking;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Features.Configuration.Validation;

/// <summary>
/// Checks the match rules of a configuration: one per existing object, thresholds in order, known attributes, levels
/// that go down, blocking keys that parse, field names found in a catalog. Each message names the rule and the part.
/// </summary>
public static class MatchRuleValidator
{
    public static IReadOnlyList<ValidationIssue> Validate(GovernanceConfiguration c)
    {
        var issues = new List<ValidationIssue>();
        foreach (var rule in c.MatchRules)
        {
            issues.AddRange(Validate(c, rule));
        }
        foreach (var group in c.MatchRules.GroupBy(r => r.ObjectId).Where(g => g.Count() > 1 && c.FindObject(g.Key) is not null))
        {
            issues.Add(new(ConfigurationItemKind.MatchRule, group.Last().Id,
                $"The object {c.FindObject(group.Key)!.Name} has {group.Count()} match rules; an object has one. Remove the others."));
        }
        return issues;
    }

    /// <summary>The problems of one rule on its own (not whether its object has another).</summary>
    public static IReadOnlyList<ValidationIssue> Validate(GovernanceConfiguration c, MatchRule rule)
    {
        var issues = new List<ValidationIssue>();
        var label = Label(c, rule);
        void Add(string message) => issues.Add(new(ConfigurationItemKind.MatchRule, rule.Id, message));

        if (c.FindObject(rule.ObjectId) is null)
        {
            Add($"{label} belongs to an object that does not exist.");
        }
        if (!(rule.ReviewThreshold > 0))
        {
            Add($"{label}: the review threshold ({Percent(rule.ReviewThreshold)}) must be above 0 %.");
        }
        if (!(rule.AutoMatchThreshold <= 1))
        {
            Add($"{label}: the auto-match threshold ({Percent(rule.AutoMatchThreshold)}) must be at most 100 %.");
        }
        if (!(rule.ReviewThreshold < rule.AutoMatchThreshold))
        {
            Add($"{label}: the review threshold ({Percent(rule.ReviewThreshold)}) must be below the auto-match threshold ({Percent(rule.AutoMatchThreshold)}).");
        }
        if (rule.Region is not null && PhoneRegions.Problem(rule.Region, "Region") is { } regionProblem)
        {
            Add($"{label}: {regionProblem}");
        }
        if (!double.IsFinite(rule.PriorWeight))
        {
            Add($"{label}: the prior weight must be a number.");
        }
        if (rule.Comparisons.Count == 0)
        {
            Add($"{label} compares nothing: add at least one comparison (e.g. email).");
        }
        for (var i = 0; i < rule.Comparisons.Count; i++)
        {
            Comparison(rule.Comparisons[i], $"{label}, comparison {i + 1}", Add);
        }
        if (rule.BlockingKeys.Count == 0)
        {
            Add($"{label} has no blocking key: add at least one (e.g. \"email\"); records are compared only when they share one.");
        }
        foreach (var key in rule.BlockingKeys)
        {
            if (BlockingKeyProblem(key) is { } problem)
            {
                Add($"{label}, blocking keys: {problem}");
            }
        }
        FieldNames(c, rule, label, Add);
        AlternativeFields(c, rule, label, Add);
        if (!Enum.IsDefined(rule.FuzzyIdentityChange))
        {
            Add($"{label}: choose what happens when a fuzzy match differs in an identity field (keep the existing value, hold for a steward or take the incoming value).");
        }
        return issues;
    }

    /// <summary>What is wrong with one blocking key, or null when it is valid.</summary>
    public static string? BlockingKeyProblem(string key) =>
        BlockingKeyExpression.TryParse(key, out _, out var error) ? null : error;

    /// <summary>"The match rule of Contact", or with the rule's own name when it has one that differs from the object's.</summary>
    public static string Label(GovernanceConfiguration c, MatchRule rule)
    {
        var objectName = c.FindObject(rule.ObjectId)?.Name;
        var name = rule.Name.Trim();
        return (name.Length == 0 || string.Equals(name, objectName, StringComparison.Ordinal), objectName) switch
        {
            (true, null) => "A match rule",
            (true, _) => $"The match rule of {objectName}",
            (false, null) => $"The match rule \"{name}\"",
            (false, _) => $"The match rule \"{name}\" of {objectName}",
        };
    }

    private static void Comparison(MatchComparison comparison, string where, Action<string> add)
    {
        if (string.IsNullOrWhiteSpace(comparison.Attribute))
        {
            add($"{where} compares no attribute; choose one of {Allowed}.");
        }
        else if (!MatchAttributes.IsKnown(comparison.Attribute))
        {
            add($"{where}: \"{comparison.Attribute}\" is not a match attribute; use one of {Allowed}.");
        }
        where = $"{where} ({comparison.Attribute})";
        if (comparison.Levels.Count == 0)
        {
            add($"{where} has no level: add at least one similarity threshold and the weight it adds.");
        }
        for (var i = 0; i < comparison.Levels.Count; i++)
        {
            var level = comparison.Levels[i];
            if (!(level.Threshold > 0 && level.Threshold <= 1))
            {
                add($"{where}, level {i + 1}: the threshold ({Percent(level.Threshold)}) must be above 0 % and at most 100 %.");
            }
            if (i > 0 && !(level.Threshold < comparison.Levels[i - 1].Threshold))
            {
                add($"{where}, level {i + 1}: the thresholds must go down from level to level ({Percent(comparison.Levels[i - 1].Threshold)}, then {Percent(level.Threshold)}).");
            }
            if (!double.IsFinite(level.Weight))
            {
                add($"{where}, level {i + 1}: the weight must be a number.");
            }
        }
        if (!double.IsFinite(comparison.MismatchWeight))
        {
            add($"{where}: the mismatch weight must be a number.");
        }
    }

    private static void FieldNames(GovernanceConfiguration c, MatchRule rule, string label, Action<string> add)
    {
        var fields = c.Fields.Where(f => f.ObjectId == rule.ObjectId).Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (attribute, field) in rule.FieldNames.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!MatchAttributes.IsKnown(attribute))
            {
                add($"{label}, field names: \"{attribute}\" is not a match attribute; use one of {Allowed}.");
            }
            else if (string.IsNullOrWhiteSpace(field))
            {
                add($"{label}, field names: {attribute} names no field.");
            }
            else if (!fields.Contains(field))
            {
                add($"{label}, field names: {attribute} → \"{field}\" is not a field of {c.FindObject(rule.ObjectId)?.Name ?? "the object"} in any system's catalog.");
            }
        }
    }

    /// <summary>
    /// Each alternative field must be another field of the object in every target catalog that carries the attribute
    /// (the systems the object's flows write to), of the attribute field's own type or text, so a second email or phone
    /// fits where it is kept.
    /// </summary>
    private static void AlternativeFields(GovernanceConfiguration c, MatchRule rule, string label, Action<string> add)
    {
        var objectName = c.FindObject(rule.ObjectId)?.Name ?? "the object";
        var targets = c.Flows.Where(f => f.ObjectId == rule.ObjectId).Select(f => f.TargetSystemId).Distinct()
            .Select(c.FindSystem).OfType<ConnectedSystem>().ToList();
        if (targets.Count == 0)
        {
            targets = [.. c.Fields.Where(f => f.ObjectId == rule.ObjectId).Select(f => f.SystemId).Distinct().Select(c.FindSystem).OfType<ConnectedSystem>()];
        }
        foreach (var (attribute, field) in rule.AlternativeFields.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var where = $"{label}, alternative fields: {attribute}";
            if (!MatchAttributes.IsKnown(attribute))
            {
                add($"{label}, alternative fields: \"{attribute}\" is not a match attribute; use one of {Allowed}.");
                continue;
            }
            if (!rule.Comparisons.Any(x => x.Attribute == attribute))
            {
                add($"{where}: the rule does not compare {attribute}, so no fuzzy match can differ in it; remove the alternative field or compare {attribute}.");
            }
            if (string.IsNullOrWhiteSpace(field))
            {
                add($"{where} names no field.");
                continue;
            }
            var carried = 0;
            foreach (var system in targets)
            {
                var catalog = c.CatalogOf(system.Id, rule.ObjectId);
                if (!MatchFields.For(rule, catalog).FieldByAttribute.TryGetValue(attribute, out var identity))
                {
                    continue;
                }
                carried++;
                if (!catalog.TryGetValue(field, out var alternative))
                {
                    add($"{where} → \"{field}\" is not a field of {objectName} in the catalog of {system.Name}.");
                }
                else if (string.Equals(alternative.Name, identity, StringComparison.OrdinalIgnoreCase))
                {
                    add($"{where} → \"{field}\" is the field the rule compares in {system.Name}; choose another field to keep the second value in.");
                }
                else if (alternative.Type != catalog[identity].Type && alternative.Type != FieldType.Text)
                {
                    add($"{where} → \"{field}\" is a {alternative.Type} field in {system.Name}, but {identity} is {catalog[identity].Type}: choose {Fitting(catalog[identity].Type)}.");
                }
            }
            if (carried == 0 && targets.Count > 0)
            {
                add($"{where} → \"{field}\": no system {objectName} is written to carries {attribute}, so there is no value to keep.");
            }
        }
    }

    private static string Fitting(FieldType type) => type == FieldType.Text ? "a Text field" : $"a {type} or a Text field";

    private static string Allowed => string.Join(", ", MatchAttributes.All);

    private static string Percent(double value) => MatchRuleText.Percent(value);
}
