using System.Text.Json;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>
/// The name of the record an error-queue item holds, from its payload (the source record's fields), so the queue can be
/// read without ids. A payload that is not a record's fields (a webhook body that failed before mapping) has none.
/// </summary>
internal static class ErrorQueueRecordName
{
    // Names sit in the first fields of a record; a payload is bounded when it is queued, and this bound keeps a page cheap.
    private const int MaxPayloadChars = 64 * 1024;

    public static string? Of(string payload)
    {
        if (payload.Length is 0 or > MaxPayloadChars || payload[0] != '{')
        {
            return null;
        }
        try
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(payload);
            if (fields is null)
            {
                return null;
            }
            var values = fields.Where(f => f.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(f => f.Key, f => f.Value.GetString(), StringComparer.Ordinal);
            return RecordLabel.Of(null, values);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
