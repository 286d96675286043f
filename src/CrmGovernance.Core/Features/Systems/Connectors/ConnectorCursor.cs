using System.Text.Json;

namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>
/// A cursor of two parts (e.g. the updated-at value and the record key that breaks ties), kept by the engine as one
/// string: a JSON array, so values containing any character survive.
/// </summary>
internal static class ConnectorCursor
{
    public static string Encode(string? first, string? second) => JsonSerializer.Serialize(new[] { first, second });

    public static (string? First, string? Second) Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return (null, null);
        }
        try
        {
            var parts = JsonSerializer.Deserialize<string?[]>(cursor);
            if (parts is { Length: 2 })
            {
                return (parts[0], parts[1]);
            }
        }
        catch (JsonException)
        {
            // Reported below with the cursor itself.
        }
        throw new InvalidOperationException($"The cursor '{cursor}' was not written by this connector type; reset the flow's cursor.");
    }
}
