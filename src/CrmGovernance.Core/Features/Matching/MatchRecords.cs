using CrmGovernance.Core.Features.Configuration.MatchRules;

namespace CrmGovernance.Core.Features.Matching;

/// <summary>A record's values under the match rule's attributes: the engine's input, read through <see cref="MatchFields"/>.</summary>
public static class MatchRecords
{
    /// <summary>The record's values by attribute (fields looked up case-insensitively).</summary>
    public static MatchRecord ToRecord(this MatchFields match, string id, IReadOnlyDictionary<string, string?> fields)
    {
        var values = new Dictionary<string, string?>(match.FieldByAttribute.Count, StringComparer.Ordinal);
        foreach (var (attribute, field) in match.FieldByAttribute)
        {
            values[attribute] = fields.TryGetValue(field, out var value) ? value : Find(fields, field);
        }
        return new MatchRecord(id, values);
    }

    private static string? Find(IReadOnlyDictionary<string, string?> fields, string field)
    {
        foreach (var (name, value) in fields)
        {
            if (string.Equals(name, field, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }
}
