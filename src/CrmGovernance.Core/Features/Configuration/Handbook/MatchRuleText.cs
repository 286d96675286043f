using System.Globalization;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Handbook;

/// <summary>
/// A match rule in plain words, for the handbook and the object page. Probabilities and similarities are shown as
/// percentages everywhere a person reads them (the configuration stores them as 0–1); weights as signed numbers.
/// </summary>
public static class MatchRuleText
{
    public static string Percent(double value) =>
        (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string Weight(double value) =>
        (value > 0 ? "+" : "") + value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"≥ 95 % → +8, ≥ 88 % → +4, otherwise −6".</summary>
    public static string Levels(MatchComparison comparison) =>
        string.Join(", ", comparison.Levels.Select(l => $"≥ {Percent(l.Threshold)} → {Weight(l.Weight)}")
            .Append($"otherwise {Weight(comparison.MismatchWeight)}"));

    /// <summary>"email → email_address, company → name", or null when every attribute keeps its own name.</summary>
    public static string? FieldNames(MatchRule rule) => rule.FieldNames.Count == 0 ? null
        : string.Join(", ", rule.FieldNames.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} → {p.Value}"));

    /// <summary>The words the editor and the handbook use for each choice.</summary>
    public static string FuzzyIdentityChange(FuzzyIdentityChange choice) => choice switch
    {
        Model.FuzzyIdentityChange.HoldForSteward => "Hold for a steward",
        Model.FuzzyIdentityChange.TakeIncoming => "Take the incoming value",
        _ => "Keep the existing value",
    };

    /// <summary>"email → secondary_email", or null when the rule keeps no second value.</summary>
    public static string? AlternativeFields(MatchRule rule) => rule.AlternativeFields.Count == 0 ? null
        : string.Join(", ", rule.AlternativeFields.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} → {p.Value}"));

    /// <summary>The handbook's paragraph lines: when records are compared, how a score is made, and what each outcome does.</summary>
    public static IReadOnlyList<string> Describe(MatchRule rule)
    {
        var lines = new List<string>
        {
            $"Records are compared only when they share a blocking key: {string.Join("; ", rule.BlockingKeys)}.",
            $"Each comparison adds a weight to a starting weight of {Weight(rule.PriorWeight)}; a missing value adds nothing: "
                + string.Join("; ", rule.Comparisons.Select(c => $"{c.Attribute} ({c.Comparator}): {Levels(c)}")) + ".",
            $"At or above {Percent(rule.AutoMatchThreshold)} match probability the records are the same; from {Percent(rule.ReviewThreshold)} "
                + "the pair waits in the review queue for a steward; below, the records are distinct.",
        };
        if (FieldNames(rule) is { } names)
        {
            lines.Add($"Fields named differently from the attribute they carry: {names}.");
        }
        if (rule.Region is { } region)
        {
            lines.Add($"Phone numbers without a country code and one-line addresses are read as in {region}.");
        }
        lines.Add($"When a fuzzy match differs in an identity field (one the rule compares): {FuzzyIdentityChange(rule.FuzzyIdentityChange).ToLowerInvariant()}. "
            + "Matches by the crosswalk or a match key update as the source of truth says.");
        if (AlternativeFields(rule) is { } alternatives)
        {
            lines.Add($"A second value is kept in an alternative field when that field is empty: {alternatives}.");
        }
        return lines;
    }
}
