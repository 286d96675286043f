using System.Text.Json;

namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>Reads a run's <see cref="SyncRun.RejectionReasonsJson"/> (reason → how often) for display.</summary>
public static class RejectionReasons
{
    /// <summary>The most frequent reasons first (ties by reason), at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Top(string? json, int max)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }
            return document.RootElement.EnumerateObject()
                .Select(p => new KeyValuePair<string, int>(p.Name, p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var n) ? n : 0))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(max).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Groups rejections by their reason without the record's own values ("email: 'x' is not an email address." → "email: not an email address.").</summary>
    public static string Key(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "(no reason)";
        }
        var first = reason.Split(". ", 2)[0].TrimEnd('.');
        var quoted = WithoutQuotedValues(first);
        return quoted.Length > 200 ? quoted[..200] : quoted;
    }

    /// <summary>
    /// Removes each <c>'value' </c> (a quoted value and the space after it), left to right. A scan rather than a regular
    /// expression with a timeout: on a busy machine the timeout fired and threw out of the sync engine and the insights rebuild.
    /// </summary>
    private static string WithoutQuotedValues(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == '\'' && text.IndexOf('\'', i + 1) is var close and > 0 && close + 1 < text.Length && text[close + 1] == ' ')
            {
                i = close + 2;
                continue;
            }
            kept.Append(text[i++]);
        }
        return kept.ToString();
    }
}
