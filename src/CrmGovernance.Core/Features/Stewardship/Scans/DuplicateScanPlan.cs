using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// What a scan of one system's object needs from a configuration: the system, the object, its match rule and which
/// of the system's fields carry the attributes the rule compares.
/// </summary>
public sealed record DuplicateScanPlan(ConnectedSystem System, BusinessObject BusinessObject, MatchRule Rule, MatchFields Fields)
{
    /// <summary>The plan, or null and why a scan of that system's object cannot run.</summary>
    public static (DuplicateScanPlan? Plan, string? Error) For(GovernanceConfiguration configuration, Guid systemId, Guid objectId)
    {
        var system = configuration.FindSystem(systemId);
        var businessObject = configuration.FindObject(objectId);
        if (system is null || businessObject is null)
        {
            return (null, "That system or object is not in the published configuration.");
        }
        if (configuration.MatchRuleOf(objectId) is not { } rule)
        {
            return (null, $"The object {businessObject.Name} has no match rule; add one in a change request first.");
        }
        if (!ConnectorFactory.CanReadRecords(system))
        {
            return (null, $"The system {system.Name} has no connector the portal can read records from (connector type '{system.ConnectorType}').");
        }
        var fields = MatchFields.For(rule, configuration.CatalogOf(systemId, objectId));
        if (!rule.Comparisons.Any(c => fields.FieldByAttribute.ContainsKey(c.Attribute)))
        {
            return (null, $"The catalog of {system.Name} has no field for what the match rule of {businessObject.Name} compares; add those fields first.");
        }
        return (new DuplicateScanPlan(system, businessObject, rule, fields), null);
    }

    /// <summary>Every system/object pair of the configuration that can be scanned.</summary>
    public static IReadOnlyList<DuplicateScanPlan> All(GovernanceConfiguration configuration) =>
        [.. from rule in configuration.MatchRules
            from system in configuration.Systems
            let plan = For(configuration, system.Id, rule.ObjectId).Plan
            where plan is not null && plan.Rule == rule
            orderby plan.BusinessObject.Name, plan.System.Name
            select plan];

}
