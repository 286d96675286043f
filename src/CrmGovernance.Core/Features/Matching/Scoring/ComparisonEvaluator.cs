using System.Globalization;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>
/// One comparison of a rule, compiled: where its attribute sits in a <see cref="PreparedRecord"/>, how to compare, and
/// the weight of each similarity level (highest threshold first).
/// </summary>
internal sealed class ComparisonEvaluator
{
    private const double Tolerance = 1e-9;
    private readonly MatchLevel[] _levels;

    public ComparisonEvaluator(MatchComparison comparison, int slot)
    {
        Comparison = comparison;
        Slot = slot;
        _levels = [.. comparison.Levels.OrderByDescending(l => l.Threshold)];
        Floor = _levels.Length == 0 ? 1 : Math.Max(0, _levels[^1].Threshold - Tolerance);
        NamePart = comparison.Comparator == ComparatorKind.PersonName ? comparison.Attribute switch
        {
            MatchAttributes.FirstName => NameSelection.First,
            MatchAttributes.LastName => NameSelection.Last,
            MatchAttributes.FullName => NameSelection.Full,
            _ => NameSelection.None,
        } : NameSelection.None;
    }

    private enum NameSelection { None, First, Last, Full }

    public MatchComparison Comparison { get; }
    public int Slot { get; }
    private NameSelection NamePart { get; }

    /// <summary>The lowest level's threshold: below it every similarity weighs the same (the mismatch weight).</summary>
    public double Floor { get; }

    public bool NeedsCodes => Comparison.Comparator == ComparatorKind.Phonetic;

    /// <summary>The similarity (0–1) of the two records on this comparison, or null when either value is missing.</summary>
    public double? Similarity(PreparedRecord left, PreparedRecord right, MatchPopulation? population = null)
    {
        var names = default(NamePairing);
        return Similarity(left, right, ref names, 0, population);
    }

    /// <summary>
    /// The similarity, where a comparator may stop early with any value below <paramref name="floor"/> once it knows
    /// the true one is below it (scans pass <see cref="Floor"/>: only the level matters there). The name pairing is
    /// worked out once per pair and shared by the first- and last-name comparisons. Company names weigh their words by
    /// how many of the <paramref name="population"/>'s records name them.
    /// </summary>
    public double? Similarity(PreparedRecord left, PreparedRecord right, ref NamePairing names, double floor, MatchPopulation? population)
    {
        if (NamePart != NameSelection.None)
        {
            if (!names.Done)
            {
                names = new NamePairing(PersonNameSimilarity.Compare(left.First, left.Last, right.First, right.Last));
            }
            return NamePart switch
            {
                NameSelection.First => names.First,
                NameSelection.Last => names.Last,
                _ => PersonNameSimilarity.FullName(names.First, names.Last),
            };
        }
        var a = left.Values[Slot];
        var b = right.Values[Slot];
        if (a is null || b is null)
        {
            return null;
        }
        return Comparison.Comparator switch
        {
            ComparatorKind.Exact => string.Equals(a, b, StringComparison.Ordinal) ? 1 : 0,
            ComparatorKind.JaroWinkler => JaroWinkler.Similarity(a, b),
            ComparatorKind.Levenshtein => Levenshtein.Similarity(a, b, floor),
            ComparatorKind.Phonetic => PhoneticSimilarity.Similarity(left.Codes![Slot], right.Codes![Slot]),
            ComparatorKind.Date => DateSimilarity.Similarity(DateNormaliser.ToNumber(a), DateNormaliser.ToNumber(b)),
            ComparatorKind.Numeric => NumericSimilarity.Similarity(a, b),
            ComparatorKind.Email => EmailSimilarity.Similarity(a, b, floor),
            // Person-name comparison of another attribute (a company, a city): word by word.
            ComparatorKind.PersonName => PersonNameSimilarity.Similarity(new NamePart(a), new NamePart(b)),
            ComparatorKind.CompanyName => CompanyNameSimilarity.Similarity(CompanyOf(left, a), CompanyOf(right, b), population),
            ComparatorKind.Phone => PhoneSimilarity.Similarity(a, b, floor),
            _ => throw new InvalidOperationException($"Comparator {Comparison.Comparator} has no implementation."),
        };
    }

    /// <summary>The record's prepared company name when this comparison reads the company, else the value read as one.</summary>
    private CompanyName CompanyOf(PreparedRecord record, string value) =>
        Comparison.Attribute == MatchAttributes.Company && record.Company is { } company ? company : new CompanyName(value);

    /// <summary>The weight a similarity adds: the first level it reaches, else the mismatch weight; nothing when missing.</summary>
    public double Weigh(double? similarity) => similarity is not { } s ? 0 : Level(s) is { } level ? level.Weight : Comparison.MismatchWeight;

    /// <summary>As <see cref="Weigh"/>, with the exact agreement on a first or last name adjusted for how common the name is.</summary>
    public double Weigh(double? similarity, PreparedRecord left, PreparedRecord right, MatchPopulation? population) =>
        Weigh(similarity) + FrequencyAdjustment(similarity, left, right, population);

    public ComparisonExplanation Explain(PreparedRecord left, PreparedRecord right, MatchPopulation? population)
    {
        var similarity = Similarity(left, right, population);
        var adjustment = FrequencyAdjustment(similarity, left, right, population);
        var label = similarity is not { } s ? "missing"
            : Level(s) is { } level ? level.Threshold >= 1 ? "exact" : string.Create(CultureInfo.InvariantCulture, $"≥ {level.Threshold:0.###}")
            : "mismatch";
        if (adjustment != 0)
        {
            label += string.Create(CultureInfo.InvariantCulture, $" ({(adjustment < 0 ? "common" : "rare")} name {adjustment:+0.0;−0.0})");
        }
        var swapped = NamePart is NameSelection.First or NameSelection.Last && similarity is not null && IsSwapped(left, right);
        if (swapped)
        {
            label += " (first and last name swapped)";
        }
        return new ComparisonExplanation(Comparison.Attribute, Comparison.Comparator.ToString(), Shown(left, swapped), Shown(right, false),
            similarity is { } value ? Math.Round(value, 4) : null, label, Weigh(similarity) + adjustment);
    }

    private static bool IsSwapped(PreparedRecord left, PreparedRecord right)
    {
        PersonNameSimilarity.Compare(left.First, left.Last, right.First, right.Last, out var swapped);
        return swapped;
    }

    private double FrequencyAdjustment(double? similarity, PreparedRecord left, PreparedRecord right, MatchPopulation? population)
    {
        if (population is null || similarity is not >= 1 || NamePart is not (NameSelection.First or NameSelection.Last))
        {
            return 0;
        }
        // The agreeing name: the part compared on the left (after a swap it may sit in the other field).
        var first = NamePart == NameSelection.First;
        var name = first ? left.First?.Text : left.Last?.Text;
        var other = first ? right.First?.Text : right.Last?.Text;
        return name is not null && name == other ? population.Adjustment(first, name) : 0;
    }

    private MatchLevel? Level(double similarity)
    {
        foreach (var level in _levels)
        {
            if (similarity + Tolerance >= level.Threshold)
            {
                return level;
            }
        }
        return null;
    }

    /// <summary>
    /// The value a steward sees for this comparison: the normalised attribute, or the name part compared (on the left
    /// side from the other field when the names were paired crosswise).
    /// </summary>
    private string? Shown(PreparedRecord record, bool crosswise) => NamePart switch
    {
        NameSelection.First => (crosswise ? record.Last : record.First)?.Text,
        NameSelection.Last => (crosswise ? record.First : record.Last)?.Text,
        _ => record.Values[Slot],
    };
}
