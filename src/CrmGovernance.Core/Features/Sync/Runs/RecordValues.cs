using System.Text.Json;

namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>Reads a record outcome's before and after values (flat JSON objects of field → value) side by side.</summary>
public static class RecordValues
{
    /// <summary>Every field of either side, in the order the after values list them, then fields only the before values have.</summary>
    public static IReadOnlyList<FieldValueChange> Compare(string? beforeJson, string? afterJson)
    {
        var before = Read(beforeJson);
        var after = Read(afterJson);
        return after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k)))
            .Select(field => new FieldValueChange(field, before.GetValueOrDefault(field), after.GetValueOrDefault(field)))
            .ToList();
    }

    private static Dictionary<string, string?> Read(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                values["(value)"] = document.RootElement.GetRawText();
                return values;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            values["(unreadable)"] = json;
        }
        return values;
    }
}
