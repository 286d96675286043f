using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching.Comparators;

namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>
/// Keeps two company records whose phone and address both differ out of auto-match: that is how another site of one
/// company, or a namesake elsewhere, looks, however alike the names or however equal the website. Such a pair goes to
/// review at most. A local number that ends the other's full number is the same phone; the address compared is the
/// most precise part both records have (postcode, else street, else city). Without a phone and an address on both
/// sides the guard stands aside.
/// </summary>
internal sealed class SiteGuard : IPairGuard
{
    public const string Attribute = "phone and address";
    public const string Name = "SiteGuard";
    public const string Level = "both differ: another site or a namesake: review, never auto-match";

    private readonly int _phone;
    private readonly (int Slot, Func<string, string, bool> Same)[] _address;

    private SiteGuard(int phone, (int, Func<string, string, bool>)[] address) => (_phone, _address) = (phone, address);

    public string Comparator => Name;

    /// <summary>The guard for a rule that compares a company name, a phone and some part of the address; else null.</summary>
    public static SiteGuard? For(IReadOnlyList<ComparisonEvaluator> evaluators)
    {
        int? SlotOf(string attribute) => evaluators.FirstOrDefault(e => e.Comparison.Attribute == attribute)?.Slot;
        if (SlotOf(MatchAttributes.Company) is null || SlotOf(MatchAttributes.Phone) is not { } phone)
        {
            return null;
        }
        var parts = new List<(int, Func<string, string, bool>)>();
        if (SlotOf(MatchAttributes.Postcode) is { } postcode)
        {
            parts.Add((postcode, (a, b) => Levenshtein.Similarity(a, b) >= 0.75));
        }
        if (SlotOf(MatchAttributes.Street) is { } street)
        {
            parts.Add((street, (a, b) => JaroWinkler.Similarity(a, b) >= 0.9));
        }
        if (SlotOf(MatchAttributes.City) is { } city)
        {
            parts.Add((city, (a, b) => JaroWinkler.Similarity(a, b) >= 0.88));
        }
        return parts.Count == 0 ? null : new SiteGuard(phone, [.. parts]);
    }

    public bool Applies(PreparedRecord left, PreparedRecord right)
    {
        var (leftPhone, rightPhone) = (left.Values[_phone], right.Values[_phone]);
        if (leftPhone is null || rightPhone is null || PhoneSimilarity.Similarity(leftPhone, rightPhone) >= PhoneSimilarity.SameSubscriber)
        {
            return false;
        }
        foreach (var (slot, same) in _address)
        {
            if (left.Values[slot] is { } a && right.Values[slot] is { } b)
            {
                return !same(a, b);
            }
        }
        return false;
    }

    public ComparisonExplanation Explain(PreparedRecord left, PreparedRecord right) =>
        new(Attribute, Name, Shown(left), Shown(right), null, Level, 0);

    private string Shown(PreparedRecord record) =>
        string.Join(" · ", new[] { record.Values[_phone] }.Concat(_address.Select(a => record.Values[a.Slot])).OfType<string>());
}
