using System.Text.Json;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>One field of an audit row's changes, for display and export.</summary>
public sealed record AuditChange(string Field, string? Old, string? New)
{
    /// <summary>Reads an entry's <see cref="AuditEntry.Changes"/>: a field list for entity changes, key/value details for events.</summary>
    public static IReadOnlyList<AuditChange> Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind switch
            {
                JsonValueKind.Array => doc.RootElement.EnumerateArray().Select(e => new AuditChange(
                    e.GetProperty("field").GetString() ?? "", Text(e, "old"), Text(e, "new"))).ToList(),
                JsonValueKind.Object => doc.RootElement.EnumerateObject().Select(p => new AuditChange(
                    p.Name, null, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())).ToList(),
                _ => [],
            };
        }
        catch (JsonException)
        {
            return [new AuditChange("(unreadable)", null, json)];
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetString() : null;
}
