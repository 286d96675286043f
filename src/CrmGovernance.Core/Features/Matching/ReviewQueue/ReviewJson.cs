using System.Text.Encodings.Web;
using System.Text.Json;

namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

/// <summary>The JSON the review queue stores: explanations of scores, records' fields (name → value) and moved crosswalk links.</summary>
public static class ReviewJson
{
    // Stored text is read back by the portal and shown as text, never as markup: keep non-ASCII readable.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Explanations(IReadOnlyList<ComparisonExplanation> explanations) => JsonSerializer.Serialize(explanations, Options);

    /// <summary>The explanations of a score; empty when the stored text is not what the writer writes.</summary>
    public static IReadOnlyList<ComparisonExplanation> Explanations(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<ComparisonExplanation>>(json, Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Fields(IReadOnlyDictionary<string, string?> fields) =>
        JsonSerializer.Serialize(fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal), Options);

    public static Dictionary<string, string?> Fields(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string?>>(json, Options) ?? [], StringComparer.Ordinal);

    public static string ProposedChanges(IReadOnlyList<ProposedFieldChange> changes) => JsonSerializer.Serialize(changes, Options);

    /// <summary>The field changes a held item proposes; empty for a duplicate pair or text the writer did not write.</summary>
    public static IReadOnlyList<ProposedFieldChange> ProposedChanges(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<ProposedFieldChange>>(json, Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Links(IReadOnlyList<MovedLink> links) => JsonSerializer.Serialize(links, Options);

    public static IReadOnlyList<MovedLink> Links(string json) => JsonSerializer.Deserialize<List<MovedLink>>(json, Options) ?? [];

    /// <summary>
    /// A short reason for a list row: why the pair was held back from auto-match when it was, then the comparisons that
    /// added most, e.g. "email exact · last_name ≥ 0.92".
    /// </summary>
    public static string Summary(string explanationJson, int take = 3)
    {
        var explanations = Explanations(explanationJson);
        var held = explanations.Where(e => e.Comparator is Scoring.MailboxAndEmployerGuard.Name or Scoring.SiteGuard.Name);
        return string.Join(" · ", held.Concat(explanations.Where(e => e.Weight > 0).OrderByDescending(e => e.Weight).Take(take))
            .Select(e => $"{e.Attribute} {e.Level}"));
    }
}
