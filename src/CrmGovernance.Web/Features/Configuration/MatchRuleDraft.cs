using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Web.Features.Configuration;

/// <summary>
/// The match rule editor's working copy: plain mutable fields that turn into a <see cref="MatchRule"/>. Thresholds and
/// level similarities are edited as percentages (the rule stores 0–1); weights as they are.
/// </summary>
public sealed class MatchRuleDraft
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ObjectId { get; init; }
    public string Name { get; set; } = "";
    public double AutoMatchPercent { get; set; } = 97;
    public double ReviewPercent { get; set; } = 60;
    public double PriorWeight { get; set; } = -8;

    /// <summary>The region numbers and one-line addresses are read in; blank: the flow's default region.</summary>
    public string Region { get; set; } = "";
    public List<ComparisonDraft> Comparisons { get; } = [];
    public List<TextDraft> BlockingKeys { get; } = [];
    public List<FieldNameDraft> FieldNames { get; } = [];
    public FuzzyIdentityChange FuzzyIdentityChange { get; set; } = FuzzyIdentityChange.KeepExisting;
    /// <summary>Attribute → the field a fuzzy match's second value is kept in (same row shape as field names).</summary>
    public List<FieldNameDraft> AlternativeFields { get; } = [];

    public sealed class ComparisonDraft
    {
        public string? Attribute { get; set; }
        public ComparatorKind Comparator { get; set; } = ComparatorKind.Exact;
        public List<LevelDraft> Levels { get; } = [];
        public double MismatchWeight { get; set; }
    }

    public sealed class LevelDraft
    {
        public double Percent { get; set; } = 100;
        public double Weight { get; set; }
    }

    /// <summary>A text row of its own (not a bare string), so list inputs keep their identity while rows are added and removed.</summary>
    public sealed class TextDraft
    {
        public string Text { get; set; } = "";
    }

    public sealed class FieldNameDraft
    {
        public string? Attribute { get; set; }
        public string? Field { get; set; }
    }

    /// <summary>A blank rule to start from: one comparison with one level, one empty blocking key.</summary>
    public static MatchRuleDraft New(Guid objectId, string name)
    {
        var draft = new MatchRuleDraft { ObjectId = objectId, Name = name };
        draft.Comparisons.Add(new ComparisonDraft { Levels = { new LevelDraft { Percent = 100, Weight = 8 } }, MismatchWeight = -4 });
        draft.BlockingKeys.Add(new TextDraft());
        return draft;
    }

    public static MatchRuleDraft From(MatchRule rule)
    {
        var draft = new MatchRuleDraft
        {
            Id = rule.Id, ObjectId = rule.ObjectId, Name = rule.Name, PriorWeight = rule.PriorWeight,
            AutoMatchPercent = ToPercent(rule.AutoMatchThreshold), ReviewPercent = ToPercent(rule.ReviewThreshold),
            Region = rule.Region ?? "",
        };
        foreach (var c in rule.Comparisons)
        {
            var comparison = new ComparisonDraft { Attribute = c.Attribute, Comparator = c.Comparator, MismatchWeight = c.MismatchWeight };
            comparison.Levels.AddRange(c.Levels.Select(l => new LevelDraft { Percent = ToPercent(l.Threshold), Weight = l.Weight }));
            draft.Comparisons.Add(comparison);
        }
        draft.BlockingKeys.AddRange(rule.BlockingKeys.Select(k => new TextDraft { Text = k }));
        draft.FieldNames.AddRange(rule.FieldNames.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new FieldNameDraft { Attribute = p.Key, Field = p.Value }));
        draft.FuzzyIdentityChange = rule.FuzzyIdentityChange;
        draft.AlternativeFields.AddRange(rule.AlternativeFields.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new FieldNameDraft { Attribute = p.Key, Field = p.Value }));
        return draft;
    }

    /// <summary>Attributes given a field name on more than one row: the rule can hold only one, so the editor says so instead of dropping one.</summary>
    public IEnumerable<string> FieldNameErrors() => FieldNames
        .Where(f => !string.IsNullOrWhiteSpace(f.Attribute)).GroupBy(f => f.Attribute!.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1)
        .Select(g => $"{g.Key} is given a field name on {g.Count()} rows; keep one.")
        .Concat(AlternativeFields.Where(f => !string.IsNullOrWhiteSpace(f.Attribute)).GroupBy(f => f.Attribute!.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} is given an alternative field on {g.Count()} rows; keep one."));

    /// <summary>The rule as typed. Blank key and field-name rows are left out; everything else is kept for validation to judge.</summary>
    public MatchRule ToRule() => new()
    {
        Id = Id, ObjectId = ObjectId, Name = Name.Trim(), PriorWeight = PriorWeight,
        AutoMatchThreshold = FromPercent(AutoMatchPercent), ReviewThreshold = FromPercent(ReviewPercent),
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim().ToUpperInvariant(),
        Comparisons = [.. Comparisons.Select(c => new MatchComparison
        {
            Attribute = (c.Attribute ?? "").Trim(), Comparator = c.Comparator, MismatchWeight = c.MismatchWeight,
            Levels = [.. c.Levels.Select(l => new MatchLevel(FromPercent(l.Percent), l.Weight))],
        })],
        BlockingKeys = [.. BlockingKeys.Select(k => k.Text.Trim()).Where(k => k.Length > 0)],
        FieldNames = FieldNames.Where(f => !string.IsNullOrWhiteSpace(f.Attribute) || !string.IsNullOrWhiteSpace(f.Field))
            .GroupBy(f => (f.Attribute ?? "").Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Field ?? "").Trim(), StringComparer.Ordinal),
        FuzzyIdentityChange = FuzzyIdentityChange,
        AlternativeFields = AlternativeFields.Where(f => !string.IsNullOrWhiteSpace(f.Attribute) || !string.IsNullOrWhiteSpace(f.Field))
            .GroupBy(f => (f.Attribute ?? "").Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Field ?? "").Trim(), StringComparer.Ordinal),
    };

    // Rounded both ways so 0.97 shows as 97 and comes back as 0.97, not 0.9700000000000001: an untouched rule saves unchanged.
    public static double ToPercent(double fraction) => Math.Round(fraction * 100, 8);

    public static double FromPercent(double percent) => Math.Round(percent / 100, 10);
}
