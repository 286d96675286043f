using System.Text.Json;
using CrmGovernance.Core.Features.Configuration.MatchRules;

namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>
/// The JSON a <see cref="MatchIndexEntry"/> keeps: attribute → raw value, missing values left out and attributes in
/// <see cref="MatchAttributes.All"/> order, so the same values always give the same text (an unchanged record is no change).
/// </summary>
public static class MatchIndexValues
{
    public static string Serialize(MatchRecord record)
    {
        var present = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in MatchAttributes.All)
        {
            if (record.Values.TryGetValue(attribute, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                present[attribute] = value;
            }
        }
        return JsonSerializer.Serialize(present);
    }

    public static MatchRecord Deserialize(string id, string json) =>
        new(id, JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? new Dictionary<string, string?>(StringComparer.Ordinal));
}
