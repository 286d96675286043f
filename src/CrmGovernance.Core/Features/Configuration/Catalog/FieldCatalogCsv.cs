using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Catalog;

/// <summary>
/// Reads a system's field list for one object from CSV with the header
/// <c>name,label,type,required,allowed_values,reference_object,description,owner</c> (only name and type are required;
/// allowed values separated by |; reference_object is an object key). Fields already in the catalog keep their id.
/// </summary>
public static class FieldCatalogCsv
{
    public const string Header = "name,label,type,required,allowed_values,reference_object,description,owner";

    /// <summary>The text, in UTF-8 bytes. A field list is kilobytes; a larger text is refused before it is read.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Lines after the header. Each field becomes an item of the change request, saved one by one.</summary>
    public const int MaxFields = 2_000;

    /// <summary>What a text over <see cref="MaxBytes"/> is told, wherever it is refused.</summary>
    public static string TooLarge { get; } = $"The field list is larger than {MaxBytes / 1024 / 1024} MB; split it into smaller files.";

    public static (IReadOnlyList<FieldDefinition> Fields, IReadOnlyList<string> Errors) Parse(
        string csv, GovernanceConfiguration c, Guid systemId, Guid objectId)
    {
        var fields = new List<FieldDefinition>();
        var errors = new List<string>();
        if (System.Text.Encoding.UTF8.GetByteCount(csv) > MaxBytes)
        {
            return ([], [TooLarge]);
        }
        var lines = CsvReader.Read(csv);
        if (lines.Count > MaxFields + 1)
        {
            return ([], [$"The file has {lines.Count - 1:N0} lines after the header; import at most {MaxFields:N0} fields at a time."]);
        }
        if (lines.Count == 0)
        {
            return ([], ["The file is empty. The first line must be the header: " + Header]);
        }
        var header = lines[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Col(string name) => header.IndexOf(name);
        if (Col("name") < 0 || Col("type") < 0)
        {
            return ([], ["The first line must name the columns, at least name and type: " + Header]);
        }
        string Cell(IReadOnlyList<string> row, string name) => Col(name) is var i && i >= 0 && i < row.Count ? row[i].Trim() : "";

        var existing = c.CatalogOf(systemId, objectId);
        bool Has(string column) => Col(column) >= 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var n = 1; n < lines.Count; n++)
        {
            var row = lines[n];
            var line = n + 1;
            var name = Cell(row, "name");
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (name.Length == 0)
            {
                errors.Add($"Line {line}: the field has no name.");
                continue;
            }
            if (!seen.Add(name))
            {
                errors.Add($"Line {line}: {name} is listed twice.");
                continue;
            }
            if (!Enum.TryParse<FieldType>(Cell(row, "type").Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var type)
                || !Enum.IsDefined(type) || int.TryParse(Cell(row, "type"), out _))
            {
                errors.Add($"Line {line}: \"{Cell(row, "type")}\" is not a field type ({string.Join(", ", Enum.GetNames<FieldType>())}).");
                continue;
            }
            Guid? reference = null;
            if (Cell(row, "reference_object") is { Length: > 0 } refKey)
            {
                reference = c.Objects.Find(o => string.Equals(o.Key, refKey, StringComparison.OrdinalIgnoreCase))?.Id;
                if (reference is null)
                {
                    errors.Add($"Line {line}: the object \"{refKey}\" does not exist.");
                    continue;
                }
            }
            // A field already in the catalog keeps whatever the file has no column for.
            var start = existing.TryGetValue(name, out var known)
                ? known
                : new FieldDefinition { Id = Guid.CreateVersion7(), SystemId = systemId, ObjectId = objectId, Name = name, Label = name };
            fields.Add(start with
            {
                Name = name, Type = type,
                Label = Has("label") && Cell(row, "label") is { Length: > 0 } label ? label : start.Label,
                Required = Has("required") ? Cell(row, "required").ToLowerInvariant() is "true" or "yes" or "1" or "y" : start.Required,
                AllowedValues = Has("allowed_values")
                    ? [.. Cell(row, "allowed_values").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                    : start.AllowedValues,
                ReferenceObjectId = Has("reference_object") ? reference : start.ReferenceObjectId,
                Description = Has("description") ? Cell(row, "description") : start.Description,
                Owner = Has("owner") ? Cell(row, "owner") : start.Owner,
            });
        }
        return (fields, errors);
    }
}
