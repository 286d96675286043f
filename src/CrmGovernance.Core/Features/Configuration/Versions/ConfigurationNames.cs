using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Versions;

/// <summary>
/// The names people know a configuration's items by, looked up by id: systems, objects, fields, journeys and their
/// steps, flows, mappings, rules. A diff shows these instead of the ids items use to point at each other.
/// </summary>
internal sealed class ConfigurationNames
{
    private readonly GovernanceConfiguration _configuration;
    private readonly Dictionary<Guid, string> _names = [];

    public ConfigurationNames(GovernanceConfiguration configuration)
    {
        _configuration = configuration;
        foreach (var kind in Enum.GetValues<ConfigurationItemKind>())
        {
            foreach (var item in ConfigurationItems.Of(configuration, kind))
            {
                _names.TryAdd(item.Id, NameOf(item));
            }
        }
        foreach (var step in configuration.Journeys.SelectMany(j => j.Steps))
        {
            _names.TryAdd(step.Id, step.Name);
        }
    }

    public string? Name(Guid id) => _names.GetValueOrDefault(id);

    /// <summary>"Flow Web form to CRM contacts", "Mapping email → Email", "Field Email", "Source of truth for Contact".</summary>
    public string Title(IConfigurationItem item) => item switch
    {
        ConnectedSystem s => $"System {s.Name}",
        BusinessObject o => $"Object {o.Name}",
        FieldDefinition f => $"Field {Or(f.Label, f.Name)}",
        SourceOfTruth s => $"Source of truth for {Name(s.ObjectId) ?? "an object"}",
        Journey j => $"Journey {j.Name}",
        DataFlow f => $"Flow {f.Name}",
        FieldMapping m => $"Mapping {MappingName(m)}",
        BusinessRule r => $"Rule {r.Name}",
        MatchRule r => string.IsNullOrWhiteSpace(r.Name) ? $"Match rule for {Name(r.ObjectId) ?? "an object"}" : $"Match rule {r.Name}",
        IncidentPolicy p => p.FlowId is { } flow ? $"Incident policy for flow {Name(flow) ?? "(removed)"}" : "Incident policy (default)",
        Scenario s => $"Scenario {s.Name}",
        _ => item.DisplayName,
    };

    /// <summary>Where an item belongs, when its title alone does not say: "Flow …" for a mapping or rule, "CRM · Contact" for a field.</summary>
    public string? Context(IConfigurationItem item) => item switch
    {
        FieldDefinition f => $"{Name(f.SystemId) ?? "a system"} · {Name(f.ObjectId) ?? "an object"}",
        FieldMapping m => Name(m.FlowId) is { } flow ? $"Flow {flow}" : null,
        BusinessRule r => Name(r.FlowId) is { } flow ? $"Flow {flow}" : null,
        Scenario s => Name(s.FlowId) is { } flow ? $"Flow {flow}" : null,
        MatchRule r when !string.IsNullOrWhiteSpace(r.Name) => Name(r.ObjectId) is { } name ? $"Object {name}" : null,
        _ => null,
    };

    private string NameOf(IConfigurationItem item) => item switch
    {
        ConnectedSystem s => s.Name,
        BusinessObject o => o.Name,
        FieldDefinition f => Or(f.Label, f.Name),
        Journey j => j.Name,
        DataFlow f => f.Name,
        FieldMapping m => MappingName(m),
        BusinessRule r => r.Name,
        MatchRule r => Or(r.Name, "match rule"),
        IncidentPolicy p => p.FlowId is null ? "default incident policy" : "incident policy",
        Scenario s => s.Name,
        _ => item.DisplayName,
    };

    /// <summary>"email → Email": the source fields as the source names them, the target field by its label in the target's catalog.</summary>
    private string MappingName(FieldMapping m)
    {
        var sources = m.SourceFields.Count == 0 ? "(none)" : string.Join(" + ", m.SourceFields);
        var flow = _configuration.FindFlow(m.FlowId);
        var target = flow is null ? null : _configuration.CatalogOf(flow.TargetSystemId, flow.ObjectId).GetValueOrDefault(m.TargetField);
        return $"{sources} → {(target is null ? m.TargetField : Or(target.Label, target.Name))}";
    }

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
