using System.Text.Encodings.Web;
using System.Text.Json;

namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>A payload as a person reads it: indented when it is JSON, as received otherwise. Always plain text.</summary>
public sealed record FormattedPayload(string Text, bool IsJson)
{
    // Pages show the text as text, never as markup, so non-ASCII characters can stay readable instead of \u-escaped.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static FormattedPayload Of(string payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return new FormattedPayload(payload, false);
        }
        try
        {
            using var document = JsonDocument.Parse(payload);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, Indented))
            {
                document.WriteTo(writer);
            }
            return new FormattedPayload(System.Text.Encoding.UTF8.GetString(stream.ToArray()), true);
        }
        catch (JsonException)
        {
            return new FormattedPayload(payload, false);
        }
    }
}
