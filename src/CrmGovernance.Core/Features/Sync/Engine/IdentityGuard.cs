using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Keeps a fuzzy match from writing over identity evidence: an update of a record matched by the match rule (not by a
/// match key or a link the record's creation made; a crosswalk link the match rule made counts as a match by the rule) whose
/// value differs from the target's non-empty value in a field the rule compares is kept, held for a steward or taken, as
/// the rule says. A second value may go to the rule's alternative field when that is
/// empty. Values are compared normalised, so a mere difference of case or spacing is not a different value.
/// </summary>
internal static class IdentityGuard
{
    /// <summary>
    /// Takes the protected fields out of <paramref name="changes"/> (adding alternative fields) and says what it did, one note
    /// per field; <paramref name="how"/> says how the record was matched ("the record was matched by the match rule (0.999)").
    /// </summary>
    public static List<string> Protect(FlowPlan plan, IReadOnlyDictionary<string, string?> before, Dictionary<string, string?> changes, RecordResult entry,
        string how, bool dryRun)
    {
        var notes = new List<string>();
        if (plan.MatchModel is not { Rule: var rule } || rule.FuzzyIdentityChange == FuzzyIdentityChange.TakeIncoming)
        {
            return notes;
        }
        var hold = rule.FuzzyIdentityChange == FuzzyIdentityChange.HoldForSteward;
        foreach (var (field, incoming) in changes.ToList())
        {
            if (!plan.IdentityFields.TryGetValue(field, out var attribute) || before.GetValueOrDefault(field) is not { Length: > 0 } existing
                || incoming is null || Same(attribute, existing, incoming))
            {
                continue;
            }
            changes.Remove(field);
            var label = Label(plan, field);
            var why = $"{how}, and a fuzzy match never overwrites identity evidence.";
            if (hold)
            {
                entry.HeldChanges.Add(new ProposedFieldChange(field, label, existing, incoming));
                notes.Add($"{(dryRun ? "Would hold" : "Held")} the incoming {label} \"{incoming}\" for a steward and kept the existing \"{existing}\": {why}");
            }
            else
            {
                notes.Add($"Kept the existing {label} \"{existing}\": {why} The incoming \"{incoming}\" was not written.");
            }
            if (Alternative(plan, rule, attribute, before, changes, incoming) is { } kept)
            {
                notes.Add(kept);
            }
        }
        return notes;
    }

    /// <summary>Puts the incoming value into the attribute's alternative field when that is empty; never over a different value.</summary>
    private static string? Alternative(FlowPlan plan, MatchRule rule, string attribute, IReadOnlyDictionary<string, string?> before,
        Dictionary<string, string?> changes, string incoming)
    {
        if (!rule.AlternativeFields.TryGetValue(attribute, out var named) || !plan.TargetCatalog.TryGetValue(named, out var field))
        {
            return null;
        }
        var current = changes.TryGetValue(field.Name, out var pending) ? pending : before.GetValueOrDefault(field.Name);
        if (string.IsNullOrEmpty(current))
        {
            changes[field.Name] = incoming;
            return $"The incoming value was kept in {Label(plan, field.Name)}.";
        }
        return Same(attribute, current, incoming) ? null
            : $"{Label(plan, field.Name)} already holds \"{current}\", so the incoming value was not kept there either.";
    }

    /// <summary>Equal once normalised for the attribute: emails and text ignore case and spacing, phones compare their digits.</summary>
    internal static bool Same(string attribute, string a, string b) => attribute switch
    {
        MatchAttributes.Phone => string.Equals(Digits(a), Digits(b), StringComparison.Ordinal),
        MatchAttributes.Email => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(Collapse(a), Collapse(b), StringComparison.OrdinalIgnoreCase),
    };

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    private static string Collapse(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Label(FlowPlan plan, string field) =>
        plan.TargetCatalog.TryGetValue(field, out var f) && !string.IsNullOrWhiteSpace(f.Label) ? f.Label : field;
}
