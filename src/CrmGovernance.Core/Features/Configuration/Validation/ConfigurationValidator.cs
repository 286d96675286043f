using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Validation;

/// <summary>
/// Validates a whole configuration before it may be submitted or published, and lists every blocking error in
/// words a business owner understands. Flow-level checks (mappings, rules, schedules) are in <see cref="FlowValidator"/>,
/// match rules in <see cref="MatchRuleValidator"/>.
/// </summary>
public static class ConfigurationValidator
{
    public static IReadOnlyList<ValidationIssue> Validate(GovernanceConfiguration c)
    {
        var issues = new List<ValidationIssue>();
        Systems(c, issues);
        Objects(c, issues);
        Fields(c, issues);
        SourcesOfTruth(c, issues);
        Journeys(c, issues);
        foreach (var flow in c.Flows)
        {
            issues.AddRange(FlowValidator.Validate(c, flow));
        }
        foreach (var orphan in c.Mappings.Where(m => c.FindFlow(m.FlowId) is null))
        {
            issues.Add(new(ConfigurationItemKind.Mapping, orphan.Id, $"The {orphan.DisplayName} belongs to a flow that does not exist."));
        }
        foreach (var orphan in c.Rules.Where(r => c.FindFlow(r.FlowId) is null))
        {
            issues.Add(new(ConfigurationItemKind.Rule, orphan.Id, $"The {orphan.DisplayName} belongs to a flow that does not exist."));
        }
        issues.AddRange(MatchRuleValidator.Validate(c));
        issues.AddRange(IncidentPolicyValidator.Validate(c));
        issues.AddRange(ScenarioValidator.Validate(c));
        return issues;
    }

    private static void Systems(GovernanceConfiguration c, List<ValidationIssue> issues)
    {
        foreach (var s in c.Systems)
        {
            Require(issues, ConfigurationItemKind.System, s.Id, s.Name, $"A system needs a name.");
            Require(issues, ConfigurationItemKind.System, s.Id, s.Key, $"The system {s.Name} needs a key (a short name such as \"website\").");
            Require(issues, ConfigurationItemKind.System, s.Id, s.Owner, $"The system {s.Name} has no owner.");
        }
        foreach (var group in c.Systems.GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            issues.Add(new(ConfigurationItemKind.System, group.Last().Id, $"Two systems use the key \"{group.Key}\"; keys must be unique."));
        }
    }

    private static void Objects(GovernanceConfiguration c, List<ValidationIssue> issues)
    {
        foreach (var o in c.Objects)
        {
            Require(issues, ConfigurationItemKind.BusinessObject, o.Id, o.Name, "An object needs a name.");
            Require(issues, ConfigurationItemKind.BusinessObject, o.Id, o.Owner, $"The object {o.Name} has no owner.");
            Require(issues, ConfigurationItemKind.BusinessObject, o.Id, o.Steward, $"The object {o.Name} has no steward.");
            if (o.EscalationContact.Length > 0 && !o.EscalationContact.Contains('@', StringComparison.Ordinal))
            {
                issues.Add(new(ConfigurationItemKind.BusinessObject, o.Id, $"The escalation contact of {o.Name} must be an email address."));
            }
        }
        foreach (var group in c.Objects.GroupBy(o => o.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            issues.Add(new(ConfigurationItemKind.BusinessObject, group.Last().Id, $"Two objects use the key \"{group.Key}\"; keys must be unique."));
        }
    }

    private static void Fields(GovernanceConfiguration c, List<ValidationIssue> issues)
    {
        foreach (var f in c.Fields)
        {
            var where = $"{c.FindSystem(f.SystemId)?.Name ?? "?"}.{c.FindObject(f.ObjectId)?.Key ?? "?"}.{f.Name}";
            if (c.FindSystem(f.SystemId) is null || c.FindObject(f.ObjectId) is null)
            {
                issues.Add(new(ConfigurationItemKind.Field, f.Id, $"The field {f.Name} belongs to a system or object that does not exist."));
            }
            if (f.Type == FieldType.Picklist && f.AllowedValues.Count == 0)
            {
                issues.Add(new(ConfigurationItemKind.Field, f.Id, $"The picklist {where} lists no allowed values."));
            }
            if (f.Type == FieldType.Reference && (f.ReferenceObjectId is not { } target || c.FindObject(target) is null))
            {
                issues.Add(new(ConfigurationItemKind.Field, f.Id, $"The reference {where} does not say which object it points to."));
            }
        }
        foreach (var group in c.Fields.GroupBy(f => (f.SystemId, f.ObjectId, Name: f.Name.ToUpperInvariant())).Where(g => g.Count() > 1))
        {
            issues.Add(new(ConfigurationItemKind.Field, group.Last().Id, $"The field {group.First().Name} is listed twice in the same system and object."));
        }
    }

    private static void SourcesOfTruth(GovernanceConfiguration c, List<ValidationIssue> issues)
    {
        foreach (var group in c.SourcesOfTruth.GroupBy(s => s.ObjectId).Where(g => g.Count() > 1))
        {
            issues.Add(new(ConfigurationItemKind.SourceOfTruth, group.Last().Id,
                $"The object {c.FindObject(group.Key)?.Name ?? "?"} has two systems of record; choose one and override single fields instead."));
        }
        foreach (var sot in c.SourcesOfTruth)
        {
            var objectName = c.FindObject(sot.ObjectId)?.Name;
            if (objectName is null || c.FindSystem(sot.SystemOfRecordId) is null)
            {
                issues.Add(new(ConfigurationItemKind.SourceOfTruth, sot.Id, "A source of truth names an object or system that does not exist."));
                continue;
            }
            foreach (var field in sot.Fields.GroupBy(f => f.Field, StringComparer.OrdinalIgnoreCase).Where(g => g.Select(f => f.OwnerSystemId).Distinct().Count() > 1))
            {
                issues.Add(new(ConfigurationItemKind.SourceOfTruth, sot.Id, $"{objectName}.{field.Key} has two systems of record; one field has one owner."));
            }
            foreach (var field in sot.Fields)
            {
                if (field.Priority.Any(id => c.FindSystem(id) is null))
                {
                    issues.Add(new(ConfigurationItemKind.SourceOfTruth, sot.Id, $"{objectName}.{field.Field} lists a system in its priority that does not exist."));
                }
                if (field.OwnerSystemId is { } owner && c.FindSystem(owner) is null)
                {
                    issues.Add(new(ConfigurationItemKind.SourceOfTruth, sot.Id, $"{objectName}.{field.Field} is owned by a system that does not exist."));
                }
                if (field.Strategy == SurvivorshipStrategy.SourcePriority && field.Priority.Count == 0 && field.OwnerSystemId is null)
                {
                    issues.Add(new(ConfigurationItemKind.SourceOfTruth, sot.Id, $"{objectName}.{field.Field} uses source priority but lists no systems in order."));
                }
                if (!c.Fields.Any(f => f.ObjectId == sot.ObjectId && string.Equals(f.Name, field.Field, StringComparison.OrdinalIgnoreCase)))
                {
                    issues.Add(new(ConfigurationItemKind.SourceOfTruth, sot.Id, $"{objectName}.{field.Field} is not in any system's field catalog."));
                }
            }
        }
    }

    private static void Journeys(GovernanceConfiguration c, List<ValidationIssue> issues)
    {
        foreach (var j in c.Journeys)
        {
            Require(issues, ConfigurationItemKind.Journey, j.Id, j.Owner, $"The journey {j.Name} has no owner.");
            foreach (var step in j.Steps.Where(s => s.SystemIds.Any(id => c.FindSystem(id) is null) || s.ObjectIds.Any(id => c.FindObject(id) is null)))
            {
                issues.Add(new(ConfigurationItemKind.Journey, j.Id, $"The step \"{step.Name}\" of {j.Name} names a system or object that does not exist."));
            }
        }
    }

    private static void Require(List<ValidationIssue> issues, ConfigurationItemKind kind, Guid id, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            issues.Add(new(kind, id, message));
        }
    }
}
