using System.Text.Json;

namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>Flat JSON objects as connector fields: strings as they are, numbers and booleans as their JSON text, nested values as JSON.</summary>
internal static class JsonFields
{
    public static Dictionary<string, string?> Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"Expected a JSON object for a record, got {item.ValueKind}.");
        }
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            fields[property.Name] = Text(property.Value);
        }
        return fields;
    }

    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    public static void Write(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, string?>> fields)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            if (value is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }
        writer.WriteEndObject();
    }
}
