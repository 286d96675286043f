using System.Text.Json;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Versions;

/// <summary>The field-level difference between two configurations (two versions, or a version and a draft).</summary>
public static class ConfigurationDiff
{
    public static IReadOnlyList<ItemDiff> Between(GovernanceConfiguration before, GovernanceConfiguration after)
    {
        var diffs = new List<ItemDiff>();
        foreach (var kind in Enum.GetValues<ConfigurationItemKind>())
        {
            var old = ConfigurationItems.Of(before, kind).ToDictionary(i => i.Id);
            var now = ConfigurationItems.Of(after, kind).ToDictionary(i => i.Id);
            foreach (var item in ConfigurationItems.Of(ConfigurationJson.Canonical(after), kind))
            {
                if (!old.TryGetValue(item.Id, out var was))
                {
                    diffs.Add(new ItemDiff(kind, item.Id, item.DisplayName, DiffKind.Added, Leaves(null, item)));
                }
                else if (Leaves(was, item) is { Count: > 0 } fields)
                {
                    diffs.Add(new ItemDiff(kind, item.Id, item.DisplayName, DiffKind.Changed, fields));
                }
            }
            foreach (var item in ConfigurationItems.Of(ConfigurationJson.Canonical(before), kind).Where(i => !now.ContainsKey(i.Id)))
            {
                diffs.Add(new ItemDiff(kind, item.Id, item.DisplayName, DiffKind.Removed, Leaves(item, null)));
            }
        }
        return diffs;
    }

    /// <summary>Leaf values that differ between two versions of an item (either may be absent).</summary>
    public static IReadOnlyList<FieldChange> Leaves(IConfigurationItem? before, IConfigurationItem? after)
    {
        var old = Flatten(before);
        var now = Flatten(after);
        return old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(path => new FieldChange(path, old.GetValueOrDefault(path), now.GetValueOrDefault(path)))
            .Where(c => c.Old != c.New)
            .Select(c => c.Path.StartsWith("secrets.", StringComparison.Ordinal) ? c with { Old = Mask(c.Old), New = Mask(c.New) } : c)
            .ToList();
    }

    // Ciphertext means nothing to a reader and should not travel further than it must.
    private static string? Mask(string? secret) => secret is null ? null : "(encrypted)";

    private static Dictionary<string, string?> Flatten(IConfigurationItem? item)
    {
        var leaves = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (item is not null)
        {
            using var doc = JsonDocument.Parse(ConfigurationJson.Serialize(item));
            Walk(doc.RootElement, "", leaves);
            leaves.Remove("displayName");
        }
        return leaves;
    }

    private static void Walk(JsonElement e, string path, Dictionary<string, string?> leaves)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", leaves);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var v in e.EnumerateArray())
                {
                    Walk(v, $"{path}[{i++}]", leaves);
                }
                break;
            case JsonValueKind.Null:
                leaves[path] = null;
                break;
            case JsonValueKind.String:
                leaves[path] = e.GetString();
                break;
            default:
                leaves[path] = e.GetRawText();
                break;
        }
    }
}
