using CrmGovernance.Core.Features.Matching.Normalisers;
using CsCheck;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

/// <summary>
/// Normalising twice gives what normalising once gives: values stored normalised (the match index) and values read
/// raw must meet. Checked on every value of both labelled data sets, on hostile strings, and on generated ones.
/// </summary>
public sealed class NormaliserIdempotenceTests
{
    private static readonly Dictionary<string, Func<string?, string?>> Normalisers = new(StringComparer.Ordinal)
    {
        ["text"] = TextNormaliser.Fold,
        ["person name"] = PersonNameNormaliser.Normalise,
        ["email"] = EmailNormaliser.Normalise,
        ["phone (GB)"] = v => PhoneNormaliser.Normalise(v, "GB"),
        ["phone (US)"] = v => PhoneNormaliser.Normalise(v, "US"),
        ["company name"] = CompanyNameNormaliser.Normalise,
        ["country"] = CountryNormaliser.Normalise,
        ["web domain"] = WebDomainNormaliser.Normalise,
        ["company web domain"] = WebDomainNormaliser.ForCompany,
        ["date"] = DateNormaliser.Normalise,
        ["address"] = AddressNormaliser.Normalise,
        ["code"] = CodeNormaliser.AlphaNumeric,
        ["digits"] = CodeNormaliser.Digits,
    };

    private static readonly string[] Hostile =
    [
        "", " ", "\t", "\r\n", "\u00a0", "null", "N/A", "'", "''", "\"quoted\"", "<>", "@", "@@", "a@", "@a", "a@b@c.com",
        "mailto:", "mailto:mailto:X@Y.com", " <Mailto:Ann+x@Example.org> ", "+tag@example.com", "a.b.+c@GoogleMail.com",
        "+", "+0", "00", "0", "+44 (0)", "07911 123456 (mobile)", "tel: 07911 123456", "+44 7911 123456 ext. 12",
        "1-800-FLOWERS", new string('9', 40), "+1 (415) 555-2671 x99",
        "ẞ", "STRAẞE", "İstanbul", "ǅemal", "ﬁnance", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "😀", "a😀b", "e\u0301", "\u0301", "李小龍", "Ωmega", "Ǳ",
        "The The Acme", "the ltd", "N.V.", "N. V. N. V.", "D S M N V", "B.V. N.V. Ltd", "Ltd Acme", "& & &", "'s", "Philips's's",
        "A B C D E F G H", "Naamloze Vennootschap", "naamloze vennootschap naamloze vennootschap x", "Acme, , , N.V., , Arnhem", "Ltd Ltd", "Co.", "& Co", "The Acme & Co", "S.A.", "A.G. Barr p.l.c.",
        "www.", "http://", "https://www.www.Acme.com/x", "x@\tb", "a'@.", "www. acme.com", ".www.acme.com",
        "1955-13-45", "31/02/2000", "2000-02-30", "0000-00-00", "99999999", "1999-1-1", "1 January 2000", "2000-01-01T",
        "Dr", "Dr Mr", "Mr Dr Smith Jr", "Jr", "Smith, ", ", John", "12 High St.", "St St", "Flat 3, 4 Rd",
        "St N", "N St", "E St NW", "N N Main", "St St Louis", "Ste Ste 4", "Fl Fl 3", "P O Box P O Box", "pob pob", "Hauptstr.",
        "strstr", "First First St", "Ave N W N W", "1 N S E W", "#4/12", "10 - 12 St St", "N.W.", "a😀b St",
    ];

    public static TheoryData<string> Names => [.. Normalisers.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Normalising_dataset_and_hostile_values_twice_equals_once(string normaliser)
    {
        var normalise = Normalisers[normaliser];
        var values = LabelledDataset.Fake1000.RawValues().Concat(LabelledDataset.Febrl3.RawValues()).Concat(LabelledDataset.Patstat.RawValues()).Concat(Hostile).Distinct(StringComparer.Ordinal);

        var unstable = values
            .Select(v => (Raw: v, Once: normalise(v)))
            .Select(v => (v.Raw, v.Once, Twice: normalise(v.Once)))
            .Where(v => !string.Equals(v.Once, v.Twice, StringComparison.Ordinal))
            .Select(v => $"\"{Escape(v.Raw)}\" → \"{Escape(v.Once)}\" → \"{Escape(v.Twice)}\"")
            .ToList();

        Assert.True(unstable.Count == 0, $"{normaliser}: normalising twice differs from once for {unstable.Count} values:\n" + string.Join("\n", unstable.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Normalising_generated_strings_twice_equals_once(string normaliser)
    {
        var normalise = Normalisers[normaliser];
        var tricky = Gen.String[Gen.Char["aAzZ09 .,'’@+-/()&:_<>\"\tßẞéÉ\u0301İıØøæLtdCoThe"], 0, 24];
        var text = Gen.OneOf(tricky, Gen.String, Gen.Int[0, Hostile.Length - 1].Select(i => Hostile[i]));

        text.Sample(raw => string.Equals(normalise(normalise(raw)), normalise(raw), StringComparison.Ordinal), iter: 20_000,
            print: raw => $"{normaliser}: \"{Escape(raw)}\" → \"{Escape(normalise(raw))}\" → \"{Escape(normalise(normalise(raw)))}\"");
    }

    private static string Escape(string? value) =>
        value is null ? "(null)" : string.Concat(value.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
