using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Versions;

/// <summary>
/// The canonical JSON of a configuration and its items: stable item order, enums as names, no indentation.
/// Equal configurations give equal text and so equal hashes.
/// </summary>
public static class ConfigurationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Keys that differ only in case (value-map entries, settings) are distinct keys.
        PropertyNameCaseInsensitive = false,
        WriteIndented = false,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutWhileEmpty } },
    };

    /// <summary>Lists added to the document after its first versions are left out while empty, so those versions read and hash as before.</summary>
    private static void LeaveOutWhileEmpty(JsonTypeInfo info)
    {
        if (info.Type != typeof(GovernanceConfiguration))
        {
            return;
        }
        foreach (var property in info.Properties.Where(p => p.Name == "scenarios"))
        {
            property.ShouldSerialize = (_, value) => value is System.Collections.ICollection { Count: > 0 };
        }
    }

    public static string Serialize(GovernanceConfiguration configuration) =>
        SortKeys(JsonSerializer.SerializeToNode(Canonical(configuration), Options));

    public static GovernanceConfiguration Deserialize(string json) =>
        JsonSerializer.Deserialize<GovernanceConfiguration>(json, Options) ?? GovernanceConfiguration.Empty;

    public static string Serialize(IConfigurationItem item) => SortKeys(JsonSerializer.SerializeToNode(item, item.GetType(), Options));

    public static IConfigurationItem DeserializeItem(ConfigurationItemKind kind, string json) =>
        (IConfigurationItem)(JsonSerializer.Deserialize(json, ConfigurationItems.TypeOf(kind), Options)
            ?? throw new JsonException($"Empty {kind} item."));

    public static string Hash(GovernanceConfiguration configuration) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(configuration))));

    /// <summary>
    /// Object keys in ordinal order at every level, so dictionaries read back with another comparer still give the
    /// same text on every machine.
    /// </summary>
    private static string SortKeys(JsonNode? node) => Sorted(node)?.ToJsonString(Options) ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Items in a stable, human-sensible order; the id breaks ties.</summary>
    public static GovernanceConfiguration Canonical(GovernanceConfiguration c) => c with
    {
        Systems = [.. c.Systems.OrderBy(s => s.Key, StringComparer.Ordinal).ThenBy(s => s.Id)],
        Objects = [.. c.Objects.OrderBy(o => o.Key, StringComparer.Ordinal).ThenBy(o => o.Id)],
        Fields = [.. c.Fields.OrderBy(f => f.SystemId).ThenBy(f => f.ObjectId).ThenBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Id)],
        SourcesOfTruth = [.. c.SourcesOfTruth.OrderBy(s => s.ObjectId).ThenBy(s => s.Id)],
        Journeys = [.. c.Journeys.OrderBy(j => j.Order).ThenBy(j => j.Name, StringComparer.Ordinal).ThenBy(j => j.Id)],
        Flows = [.. c.Flows.OrderBy(f => f.Phase).ThenBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Id)],
        Mappings = [.. c.Mappings.OrderBy(m => m.FlowId).ThenBy(m => m.Order).ThenBy(m => m.TargetField, StringComparer.Ordinal).ThenBy(m => m.Id)],
        Rules = [.. c.Rules.OrderBy(r => r.FlowId).ThenBy(r => r.Order).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id)],
        MatchRules = [.. c.MatchRules.OrderBy(r => r.ObjectId).ThenBy(r => r.Id)],
        // The default policy (no flow) first.
        IncidentPolicies = [.. c.IncidentPolicies.OrderBy(p => p.FlowId.HasValue).ThenBy(p => p.FlowId).ThenBy(p => p.Id)],
        Scenarios = [.. c.Scenarios.OrderBy(s => s.FlowId).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)],
    };
}
