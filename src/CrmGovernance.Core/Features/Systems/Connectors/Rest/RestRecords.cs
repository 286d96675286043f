using System.Text.Json;

namespace CrmGovernance.Core.Features.Systems.Connectors.Rest;

/// <summary>JSON in and out of the REST connector: pages of flat objects, record and activity bodies.</summary>
internal static class RestRecords
{
    /// <summary>The objects of a body that is an array, an object with "items", or one object.</summary>
    public static List<JsonElement> Items(RestResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Body))
        {
            return [];
        }
        using var document = JsonDocument.Parse(response.Body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            root = items;
        }
        return root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().Select(e => e.Clone()).ToList() : [root.Clone()];
    }

    public static (ConnectorRecord Record, string? Updated) Read(RestObject o, JsonElement item, bool requireUpdated)
    {
        var fields = JsonFields.Read(item);
        var id = fields.GetValueOrDefault(o.Key)
            ?? throw new InvalidOperationException($"A record from {o.Path} has no '{o.Key}' field (setting '<object>.key').");
        var updated = fields.GetValueOrDefault(o.Updated);
        if (requireUpdated && updated is null)
        {
            throw new InvalidOperationException($"Record '{id}' from {o.Path} has no '{o.Updated}' field to read changes by (setting '<object>.updated').");
        }
        var created = o.Created is null ? null : ConnectorTime.ParseUtc(fields.GetValueOrDefault(o.Created));
        return (new ConnectorRecord(id, fields, created), updated);
    }

    public static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }
        return stream.ToArray();
    }

    public static void WriteArray(Utf8JsonWriter writer, RestObject o, IEnumerable<RecordWrite> writes)
    {
        writer.WriteStartArray();
        foreach (var write in writes)
        {
            WriteRecord(writer, o, write, includeKey: true);
        }
        writer.WriteEndArray();
    }

    public static void WriteRecord(Utf8JsonWriter writer, RestObject o, RecordWrite write, bool includeKey)
    {
        var fields = write.Fields.Where(f => f.Key != o.Key);
        JsonFields.Write(writer, includeKey ? fields.Prepend(new(o.Key, write.Id)) : fields);
    }

    public static void WriteActivity(Utf8JsonWriter writer, ActivityWrite activity)
    {
        writer.WriteStartObject();
        writer.WriteString("id", activity.Id);
        writer.WriteString("kind", activity.Kind);
        writer.WriteString("occurredUtc", ConnectorTime.UtcText(activity.OccurredUtc));
        writer.WritePropertyName("details");
        writer.WriteRawValue(string.IsNullOrWhiteSpace(activity.DetailsJson) ? "{}" : activity.DetailsJson);
        writer.WriteEndObject();
    }
}
