using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>What an assessment of one system's object needs from a configuration: the system, the object and the catalog's fields of it.</summary>
public sealed record AssessmentPlan(ConnectedSystem System, BusinessObject BusinessObject, IReadOnlyList<FieldDefinition> Fields)
{
    /// <summary>The plan, or null and why that system's object cannot be assessed.</summary>
    public static (AssessmentPlan? Plan, string? Error) For(GovernanceConfiguration configuration, Guid systemId, Guid objectId)
    {
        var system = configuration.FindSystem(systemId);
        var businessObject = configuration.FindObject(objectId);
        if (system is null || businessObject is null)
        {
            return (null, "That system or object is not in the published configuration.");
        }
        if (!ConnectorFactory.CanReadRecords(system))
        {
            return (null, $"The system {system.Name} has no connector the portal can read records from (connector type '{system.ConnectorType}').");
        }
        var fields = configuration.CatalogOf(systemId, objectId).Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        if (fields.Count == 0)
        {
            return (null, $"The catalog of {system.Name} has no fields of {businessObject.Name}; add them in a change request first.");
        }
        return (new AssessmentPlan(system, businessObject, fields), null);
    }

    /// <summary>Every system/object pair of the configuration that can be assessed, by object then system.</summary>
    public static IReadOnlyList<AssessmentPlan> All(GovernanceConfiguration configuration) =>
        [.. from businessObject in configuration.Objects
            from system in configuration.Systems
            let plan = For(configuration, system.Id, businessObject.Id).Plan
            where plan is not null
            orderby businessObject.Name, system.Name
            select plan];

    /// <summary>Who answers for the assessment: the object's owner and steward, and the system's owner.</summary>
    public AccountableParty Party => new($"{BusinessObject.Name} in {System.Name}", [BusinessObject.Owner, System.Owner], [BusinessObject.Steward]);

}
