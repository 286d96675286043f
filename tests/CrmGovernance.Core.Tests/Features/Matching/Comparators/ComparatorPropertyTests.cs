using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching.Normalisers;
using CrmGovernance.Core.Features.Matching;
using CsCheck;

namespace CrmGovernance.Core.Tests.Features.Matching.Comparators;

/// <summary>
/// The laws every comparator keeps: a similarity in [0, 1], 1 for identical values, and score(a, b) == score(b, a)
/// exactly (a pair must score the same whichever record arrives first). Checked on generated strings and on random
/// pairs of the normalised values of both labelled data sets.
/// </summary>
public sealed class ComparatorPropertyTests
{
    private const int DatasetPairs = 20_000;

    private static readonly Dictionary<string, Func<string, string, double>> Comparators = new(StringComparer.Ordinal)
    {
        ["jaro-winkler"] = (a, b) => JaroWinkler.Similarity(a, b),
        ["levenshtein"] = (a, b) => Levenshtein.Similarity(a, b),
        ["phonetic"] = PhoneticSimilarity.Similarity,
        ["email"] = EmailSimilarity.Similarity,
        ["numeric"] = NumericSimilarity.Similarity,
        ["date"] = (a, b) => DateSimilarity.Similarity(DateNormaliser.ToNumber(a), DateNormaliser.ToNumber(b)),
        // Names are compared as normalised; a value that normalises to nothing is missing, not compared.
        ["person name"] = (a, b) => PersonNameNormaliser.Normalise(a) is { } x && PersonNameNormaliser.Normalise(b) is { } y
            ? PersonNameSimilarity.Similarity(new NamePart(x), new NamePart(y)) : 0,
        ["company name"] = (a, b) => CompanyNameNormaliser.Normalise(a) is { } x && CompanyNameNormaliser.Normalise(b) is { } y
            ? CompanyNameSimilarity.Similarity(new CompanyName(x), new CompanyName(y), null) : 0,
        ["phone"] = (a, b) => PhoneNormaliser.Normalise(a, "GB") is { } x && PhoneNormaliser.Normalise(b, "GB") is { } y ? PhoneSimilarity.Similarity(x, y) : 0,
    };

    public static TheoryData<string> Names => [.. Comparators.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Generated_pairs_score_within_zero_and_one_and_the_same_both_ways(string comparator)
    {
        var compare = Comparators[comparator];
        var text = Gen.OneOf(Gen.String[Gen.Char["abcdehjkmnorstz .@+-0129"], 1, 16], Gen.String[1, 12], Values(comparator));

        Gen.Select(text, text).Sample((a, b) =>
        {
            var forward = compare(a, b);
            return forward is >= 0 and <= 1 && forward.Equals(compare(b, a));
        }, iter: 20_000, print: p => $"{comparator}: \"{p.Item1}\" / \"{p.Item2}\" → {compare(p.Item1, p.Item2)} and {compare(p.Item2, p.Item1)}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Dataset_pairs_score_within_zero_and_one_and_the_same_both_ways(string comparator)
    {
        var compare = Comparators[comparator];
        var values = DatasetValues(comparator);
        var random = new Random(20250605);
        var broken = new List<string>();

        for (var i = 0; i < DatasetPairs; i++)
        {
            var k = random.Next(values.Count);
            var a = values[k];
            // Half the pairs are neighbours in sort order: alike values, where the interesting cases are.
            var b = values[i % 2 == 0 ? random.Next(values.Count) : Math.Min(values.Count - 1, k + 1)];
            var forward = compare(a, b);
            var backward = compare(b, a);
            if (forward is < 0 or > 1 || !forward.Equals(backward))
            {
                broken.Add($"\"{a}\" / \"{b}\" → {forward} and {backward}");
            }
        }

        Assert.True(broken.Count == 0, $"{comparator}: {broken.Count} pairs broke a law:\n" + string.Join("\n", broken.Distinct().Take(10)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Identical_values_score_one(string comparator)
    {
        var compare = Comparators[comparator];
        var failures = DatasetValues(comparator).Where(v => compare(v, v) != 1).Take(10).ToList();

        Assert.True(failures.Count == 0, $"{comparator}: identical values below 1: " + string.Join(", ", failures));
    }

    /// <summary>Normalised values of both data sets that suit the comparator (dates for dates, numbers for numbers …), sorted.</summary>
    private static List<string> DatasetValues(string comparator)
    {
        var records = LabelledDataset.Fake1000.Records.Concat(LabelledDataset.Febrl3.Records);
        IEnumerable<string?> values = comparator switch
        {
            "email" => records.Select(r => EmailNormaliser.Normalise(r.Values.GetValueOrDefault(MatchAttributes.Email))),
            "company name" => LabelledDataset.Patstat.RawValues(),
            "phone" => records.SelectMany(r => new[] { r.Values.GetValueOrDefault(MatchAttributes.NationalId), r.Values.GetValueOrDefault(MatchAttributes.Postcode) })
                .Select(v => v is null ? null : v.Length > 6 ? v[..^4] + " " + v[^4..] : v),
            "date" => records.Select(r => DateNormaliser.Normalise(r.Values.GetValueOrDefault(MatchAttributes.Dob))).Where(d => DateNormaliser.ToNumber(d) >= 0),
            "numeric" => records.SelectMany(r => new[] { r.Values.GetValueOrDefault(MatchAttributes.Postcode), r.Values.GetValueOrDefault(MatchAttributes.StreetNumber) })
                .Where(v => double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out _)),
            "phonetic" => records.SelectMany(r => new[] { r.Values.GetValueOrDefault(MatchAttributes.LastName), r.Values.GetValueOrDefault(MatchAttributes.City) })
                .Where(v => DoubleMetaphone.Encode(v).Primary.Length > 0),
            _ => records.SelectMany(r => new[] { r.Values.GetValueOrDefault(MatchAttributes.FirstName), r.Values.GetValueOrDefault(MatchAttributes.LastName),
                r.Values.GetValueOrDefault(MatchAttributes.Street), r.Values.GetValueOrDefault(MatchAttributes.City) }).Select(PersonNameNormaliser.Normalise),
        };
        return [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static Gen<string> Values(string comparator)
    {
        var values = DatasetValues(comparator);
        return Gen.Int[0, values.Count - 1].Select(i => values[i]);
    }
}
