using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>
/// Live preview of a flow's mappings on a sample source record: the mapped output and every error — design-time
/// type errors, transform errors on this record, and the target catalog's checks (required, type, picklist).
/// </summary>
public static class MappingPreview
{
    public static IReadOnlyList<MappingPreviewRow> Run(GovernanceConfiguration c, DataFlow flow, IEnumerable<FieldMapping> mappings,
        IReadOnlyDictionary<string, string?> sample)
    {
        var sourceFields = c.CatalogOf(flow.SourceSystemId, flow.ObjectId);
        var targetFields = c.CatalogOf(flow.TargetSystemId, flow.ObjectId);
        var rows = new List<MappingPreviewRow>();
        foreach (var mapping in mappings.OrderBy(m => m.Order))
        {
            var errors = new List<string>();
            var unknown = mapping.SourceFields.Where(f => !sourceFields.ContainsKey(f)).ToList();
            errors.AddRange(unknown.Select(f => $"The source field {f} is not in the source system's catalog."));
            targetFields.TryGetValue(mapping.TargetField, out var target);
            if (target is null)
            {
                errors.Add($"The target field {mapping.TargetField} is not in the target system's catalog.");
            }
            else if (unknown.Count == 0)
            {
                errors.AddRange(MappingTypeCheck.Check(mapping, mapping.SourceFields.Select(f => sourceFields[f]).ToList(), target));
            }
            var result = MappingRunner.Run(mapping, sample, flow.DefaultRegion);
            errors.AddRange(result.Errors);
            if (target is not null && result.Errors.Count == 0 && FieldValueCheck.Check(target, result.Value) is { } invalid)
            {
                errors.Add(invalid);
            }
            rows.Add(new MappingPreviewRow(mapping.Id, mapping.TargetField, result.Value, errors));
        }
        foreach (var required in targetFields.Values.Where(f => f.Required && !rows.Any(r => string.Equals(r.TargetField, f.Name, StringComparison.OrdinalIgnoreCase))))
        {
            rows.Add(new MappingPreviewRow(Guid.Empty, required.Name, null, [$"{required.Name} is required in the target, but no mapping writes it."]));
        }
        return rows;
    }

    /// <summary>Reads a pasted sample: a JSON object, or "field: value" lines.</summary>
    public static IReadOnlyDictionary<string, string?> ParseSample(string text)
    {
        var record = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(trimmed);
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    record[p.Name] = p.Value.ValueKind switch
                    {
                        System.Text.Json.JsonValueKind.Null => null,
                        System.Text.Json.JsonValueKind.String => p.Value.GetString(),
                        _ => p.Value.GetRawText(),
                    };
                }
                return record;
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON after all: read it as lines.
            }
        }
        foreach (var line in trimmed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var value = line[(colon + 1)..].Trim();
                record[line[..colon].Trim()] = value.Length == 0 ? null : value;
            }
        }
        return record;
    }
}
