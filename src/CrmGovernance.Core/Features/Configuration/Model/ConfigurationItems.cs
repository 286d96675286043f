namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>Reads and replaces the items of one kind, so change sets, diffs and validation can treat kinds alike.</summary>
public static class ConfigurationItems
{
    public static Type TypeOf(ConfigurationItemKind kind) => kind switch
    {
        ConfigurationItemKind.System => typeof(ConnectedSystem),
        ConfigurationItemKind.BusinessObject => typeof(BusinessObject),
        ConfigurationItemKind.Field => typeof(FieldDefinition),
        ConfigurationItemKind.SourceOfTruth => typeof(SourceOfTruth),
        ConfigurationItemKind.Journey => typeof(Journey),
        ConfigurationItemKind.Flow => typeof(DataFlow),
        ConfigurationItemKind.Mapping => typeof(FieldMapping),
        ConfigurationItemKind.Rule => typeof(BusinessRule),
        ConfigurationItemKind.MatchRule => typeof(MatchRule),
        ConfigurationItemKind.IncidentPolicy => typeof(IncidentPolicy),
        ConfigurationItemKind.Scenario => typeof(Scenario),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ConfigurationItemKind KindOf(IConfigurationItem item) => item switch
    {
        ConnectedSystem => ConfigurationItemKind.System,
        BusinessObject => ConfigurationItemKind.BusinessObject,
        FieldDefinition => ConfigurationItemKind.Field,
        SourceOfTruth => ConfigurationItemKind.SourceOfTruth,
        Journey => ConfigurationItemKind.Journey,
        DataFlow => ConfigurationItemKind.Flow,
        FieldMapping => ConfigurationItemKind.Mapping,
        BusinessRule => ConfigurationItemKind.Rule,
        MatchRule => ConfigurationItemKind.MatchRule,
        IncidentPolicy => ConfigurationItemKind.IncidentPolicy,
        Scenario => ConfigurationItemKind.Scenario,
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    public static IReadOnlyList<IConfigurationItem> Of(GovernanceConfiguration c, ConfigurationItemKind kind) => kind switch
    {
        ConfigurationItemKind.System => c.Systems,
        ConfigurationItemKind.BusinessObject => c.Objects,
        ConfigurationItemKind.Field => c.Fields,
        ConfigurationItemKind.SourceOfTruth => c.SourcesOfTruth,
        ConfigurationItemKind.Journey => c.Journeys,
        ConfigurationItemKind.Flow => c.Flows,
        ConfigurationItemKind.Mapping => c.Mappings,
        ConfigurationItemKind.Rule => c.Rules,
        ConfigurationItemKind.MatchRule => c.MatchRules,
        ConfigurationItemKind.IncidentPolicy => c.IncidentPolicies,
        ConfigurationItemKind.Scenario => c.Scenarios,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IConfigurationItem? Find(GovernanceConfiguration c, ConfigurationItemKind kind, Guid id) =>
        Of(c, kind).FirstOrDefault(i => i.Id == id);

    /// <summary>A copy with the item of that id replaced by <paramref name="item"/>, added, or (null) removed.</summary>
    public static GovernanceConfiguration With(GovernanceConfiguration c, ConfigurationItemKind kind, Guid id, IConfigurationItem? item) => kind switch
    {
        ConfigurationItemKind.System => c with { Systems = Replace(c.Systems, id, item) },
        ConfigurationItemKind.BusinessObject => c with { Objects = Replace(c.Objects, id, item) },
        ConfigurationItemKind.Field => c with { Fields = Replace(c.Fields, id, item) },
        ConfigurationItemKind.SourceOfTruth => c with { SourcesOfTruth = Replace(c.SourcesOfTruth, id, item) },
        ConfigurationItemKind.Journey => c with { Journeys = Replace(c.Journeys, id, item) },
        ConfigurationItemKind.Flow => c with { Flows = Replace(c.Flows, id, item) },
        ConfigurationItemKind.Mapping => c with { Mappings = Replace(c.Mappings, id, item) },
        ConfigurationItemKind.Rule => c with { Rules = Replace(c.Rules, id, item) },
        ConfigurationItemKind.MatchRule => c with { MatchRules = Replace(c.MatchRules, id, item) },
        ConfigurationItemKind.IncidentPolicy => c with { IncidentPolicies = Replace(c.IncidentPolicies, id, item) },
        ConfigurationItemKind.Scenario => c with { Scenarios = Replace(c.Scenarios, id, item) },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static List<T> Replace<T>(List<T> items, Guid id, IConfigurationItem? item) where T : IConfigurationItem
    {
        var copy = items.Where(i => i.Id != id).ToList();
        if (item is not null)
        {
            copy.Add((T)item);
        }
        return copy;
    }
}
