using CrmGovernance.Core.Features.Configuration.MatchRules;

namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// What people know a record by — "Jo Bloggs · jo@example.com", "Harbour Logistics · harbourlogistics.example" — from
/// its field values, through the fields a match rule reads when there is one, else the usual field names.
/// </summary>
public static class RecordLabel
{
    /// <summary>A person's name and email, or a company's name and website; null when the values hold neither.</summary>
    public static string? Of(MatchFields? fields, IReadOnlyDictionary<string, string?> values)
    {
        string? Value(string attribute, string fallback) =>
            Clean(fields?.FieldByAttribute.TryGetValue(attribute, out var field) == true ? Find(values, field) : Find(values, fallback));
        var person = string.Join(' ', new[] { Value(MatchAttributes.FirstName, "first_name"), Value(MatchAttributes.LastName, "last_name") }.OfType<string>());
        var name = person.Length > 0 ? person : Value(MatchAttributes.FullName, "full_name") ?? Value(MatchAttributes.Company, "name");
        var contact = Value(MatchAttributes.Email, "email") ?? Value(MatchAttributes.Website, "website");
        return name is null ? contact : contact is null ? name : $"{name} · {contact}";
    }

    /// <summary>Trimmed, inner runs of spaces made one; null when empty.</summary>
    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Find(IReadOnlyDictionary<string, string?> values, string field) =>
        values.TryGetValue(field, out var value) ? value : values.FirstOrDefault(v => string.Equals(v.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
}
