using System.Text.Encodings.Web;
using System.Text.Json;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>How record values are kept as JSON (payloads, before and after): readable, "+44…" not "\u002B44…". Shown as text, never as HTML.</summary>
internal static class SyncJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(IReadOnlyDictionary<string, string?> values) => JsonSerializer.Serialize(values, Options);
}
