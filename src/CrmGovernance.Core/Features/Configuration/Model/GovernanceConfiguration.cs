namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// The whole governed configuration: what a configuration version snapshots and what the worker runs.
/// Treat as immutable: edits go through change requests, which produce a new instance.
/// </summary>
public sealed record GovernanceConfiguration
{
    public static readonly GovernanceConfiguration Empty = new();

    public List<ConnectedSystem> Systems { get; init; } = [];
    public List<BusinessObject> Objects { get; init; } = [];
    public List<FieldDefinition> Fields { get; init; } = [];
    public List<SourceOfTruth> SourcesOfTruth { get; init; } = [];
    public List<Journey> Journeys { get; init; } = [];
    public List<DataFlow> Flows { get; init; } = [];
    public List<FieldMapping> Mappings { get; init; } = [];
    public List<BusinessRule> Rules { get; init; } = [];
    public List<MatchRule> MatchRules { get; init; } = [];
    public List<IncidentPolicy> IncidentPolicies { get; init; } = [];

    /// <summary>The flows' scenario suites (left out of the canonical JSON while empty, so older versions keep their text).</summary>
    public List<Scenario> Scenarios { get; init; } = [];

    public ConnectedSystem? FindSystem(Guid id) => Systems.Find(s => s.Id == id);
    public BusinessObject? FindObject(Guid id) => Objects.Find(o => o.Id == id);
    public DataFlow? FindFlow(Guid id) => Flows.Find(f => f.Id == id);

    /// <summary>The match rule of an object (the first, when validation has not yet caught a second).</summary>
    public MatchRule? MatchRuleOf(Guid objectId) => MatchRules.Find(r => r.ObjectId == objectId);

    /// <summary>The incident policy in force for a flow: its own, else the default, else the built-in defaults.</summary>
    public IncidentPolicy IncidentPolicyFor(Guid? flowId) =>
        (flowId is null ? null : IncidentPolicies.Find(p => p.FlowId == flowId))
        ?? IncidentPolicies.Find(p => p.FlowId is null)
        ?? new IncidentPolicy { Id = Guid.Empty };

    public IEnumerable<FieldDefinition> FieldsOf(Guid systemId, Guid objectId) =>
        Fields.Where(f => f.SystemId == systemId && f.ObjectId == objectId);

    /// <summary>
    /// A field of a system's catalog as a rule names it: of the given object ("status"), or of another object by its key
    /// ("contact.customer_status"); null when there is none.
    /// </summary>
    public FieldDefinition? FieldNamed(Guid systemId, Guid objectId, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var other = Objects.Find(o => string.Equals(o.Key, name[..dot], StringComparison.OrdinalIgnoreCase));
            (objectId, name) = other is null ? (Guid.Empty, name) : (other.Id, name[(dot + 1)..]);
        }
        return FieldsOf(systemId, objectId).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A catalog by field name (case-insensitive); a duplicated name keeps its first field (validation reports the duplicate).</summary>
    public Dictionary<string, FieldDefinition> CatalogOf(Guid systemId, Guid objectId) =>
        FieldsOf(systemId, objectId).GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
}
