using System.Text.Json;
using CrmGovernance.Core.Features.Configuration.Catalog;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Scenarios;

/// <summary>
/// Records typed or pasted into a scenario, as JSON (an object, or an array of objects) or CSV with a header row; the
/// "id" field, when there is one, is the record's id; "_object", the key of another object of the target the record belongs to. Bounded before parsing (size, depth, records, fields) so a paste
/// cannot tie up the portal; a problem comes back in words, and nothing typed is lost.
/// </summary>
public static class ScenarioRecordsText
{
    public const int MaxLength = 256 * 1024;
    public const string ObjectColumn = "_object";
    private const int MaxDepth = 4;

    public static (List<ScenarioRecord>? Records, string? Error) Parse(string? text, string idPrefix)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return ([], null);
        }
        if (text.Length > MaxLength)
        {
            return (null, $"The text is longer than {MaxLength / 1024:N0} KB; a scenario needs a handful of records.");
        }
        var (rows, error) = text[0] is '[' or '{' ? Json(text) : Csv(text);
        if (rows is null)
        {
            return (null, error);
        }
        if (rows.Count > ScenarioValidator.MaxRecords)
        {
            return (null, $"{rows.Count:N0} records: a scenario holds at most {ScenarioValidator.MaxRecords}.");
        }
        if (rows.Any(r => r.Count > ScenarioValidator.MaxFields))
        {
            return (null, $"A record has more than {ScenarioValidator.MaxFields} fields.");
        }
        var records = new List<ScenarioRecord>();
        foreach (var row in rows)
        {
            var id = row.GetValueOrDefault("id") is { Length: > 0 } given ? given : $"{idPrefix}-{records.Count + 1}";
            records.Add(new ScenarioRecord
            {
                Id = id, ObjectKey = row.GetValueOrDefault(ObjectColumn) is { Length: > 0 } other ? other : null,
                Fields = new(row.Where(f => !string.Equals(f.Key, "id", StringComparison.OrdinalIgnoreCase) && !string.Equals(f.Key, ObjectColumn, StringComparison.OrdinalIgnoreCase)),
                    StringComparer.OrdinalIgnoreCase),
            });
        }
        if (records.GroupBy(r => (r.ObjectKey, r.Id)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return (null, $"Two records have the id \"{twice.Key.Id}\".");
        }
        return (records, null);
    }

    /// <summary>The records as the editor shows them again: a JSON array with each record's id first.</summary>
    public static string Format(IEnumerable<ScenarioRecord> records) =>
        !records.Any() ? "" : JsonSerializer.Serialize(records.Select(r => new Dictionary<string, string?>(
            (r.ObjectKey is null ? r.Fields : r.Fields.Prepend(KeyValuePair.Create(ObjectColumn, (string?)r.ObjectKey))).Prepend(KeyValuePair.Create("id", (string?)r.Id)))),
            Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Expected values typed as "field: value", one per line; an empty value expects the field empty.</summary>
    public static (Dictionary<string, string?>? Values, string? Error) ParseValues(string? text)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return (null, $"\"{line}\": write each expected value as field: value.");
            }
            var value = line[(colon + 1)..].Trim();
            values[line[..colon].Trim()] = value.Length == 0 ? null : value;
        }
        return values.Count > ScenarioValidator.MaxFields ? (null, $"More than {ScenarioValidator.MaxFields} expected values.") : (values, null);
    }

    public static string FormatValues(IReadOnlyDictionary<string, string?> values) =>
        string.Join('\n', values.Select(v => $"{v.Key}: {v.Value}"));

    private static (List<Dictionary<string, string?>>?, string?) Json(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            if (items.Count > ScenarioValidator.MaxRecords)
            {
                return (null, $"{items.Count:N0} records: a scenario holds at most {ScenarioValidator.MaxRecords}.");
            }
            if (items.Any(i => i.ValueKind != JsonValueKind.Object))
            {
                return (null, "Each record must be a JSON object of field names and values, e.g. {\"id\": \"w-1\", \"email\": \"ann@example.org\"}.");
            }
            return ([.. items.Select(JsonFields.Read)], null);
        }
        catch (JsonException e)
        {
            return (null, $"That is not valid JSON: {e.Message}");
        }
    }

    private static (List<Dictionary<string, string?>>?, string?) Csv(string text)
    {
        var lines = CsvReader.Read(text);
        if (lines.Count < 2)
        {
            return (null, "Paste JSON, or CSV with a header row of field names and a row per record.");
        }
        if (lines.Count - 1 > ScenarioValidator.MaxRecords)
        {
            return (null, $"{lines.Count - 1:N0} records: a scenario holds at most {ScenarioValidator.MaxRecords}.");
        }
        var header = lines[0].Select(h => h.Trim()).ToList();
        if (header.Any(h => h.Length == 0) || header.Distinct(StringComparer.OrdinalIgnoreCase).Count() != header.Count)
        {
            return (null, "The CSV header needs a distinct name for every column.");
        }
        var rows = new List<Dictionary<string, string?>>();
        foreach (var line in lines.Skip(1).Where(l => l.Any(v => v.Length > 0)))
        {
            var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < line.Count && line[i].Length > 0 ? line[i] : null;
            }
            rows.Add(row);
        }
        return (rows, null);
    }
}
