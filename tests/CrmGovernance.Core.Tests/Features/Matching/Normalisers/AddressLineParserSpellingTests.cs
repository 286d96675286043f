using CrmGovernance.Core.Features.Matching.Normalisers;
using CsCheck;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

/// <summary>Two spellings of one address give equal parts, and the parts joined back into a line give the same parts.</summary>
public sealed class AddressLineParserSpellingTests
{
    [Theory]
    [InlineData("123 N. Main St., Apt 4B", "123 north main street apartment 4b")]
    [InlineData("123 N Main St #4B, Springfield, IL 62704", "123 North Main Street, Unit 4b, Springfield IL 62704")]
    [InlineData("123 N Main St Ste 200 Springfield IL 62704-1234", "123 North Main Street, Suite 200, Springfield, Illinois 62704")]
    [InlineData("1600 Pennsylvania Ave. N.W., Washington, D.C. 20500", "1600 PENNSYLVANIA AVENUE NORTHWEST WASHINGTON DC 20500")]
    [InlineData("100 Queen St W, Toronto, ON M5H 2N2", "100 queen street west toronto ontario m5h2n2")]
    [InlineData("Flat 2, 10 Downing Street, London SW1A 2AA", "flat 2 10 downing st london sw1a2aa")]
    [InlineData("10 Downing St, London, SW1A 2AA, United Kingdom", "10 downing street london SW1A2AA UK")]
    [InlineData("Level 3, 55 Collins Street, Melbourne VIC 3000", "level 3 55 collins st melbourne victoria 3000")]
    [InlineData("Unit 4, 12 Smith St, Kingston ACT 2604", "4/12 Smith Street Kingston ACT 2604")]
    [InlineData("Hauptstraße 5, 10115 Berlin", "Hauptstr. 5 10115 Berlin")]
    [InlineData("Hauptstrasse 5, 10115 Berlin, Germany", "HAUPTSTR. 5, 10115 BERLIN, DE")]
    [InlineData("Groenewoudseweg 1, 5621 BA Eindhoven", "Groenewoudseweg 1 5621BA EINDHOVEN")]
    [InlineData("12 rue de la Paix, 75002 Paris, France", "12, Rue de la Paix 75002 PARIS FRANCE")]
    [InlineData("St. Kilda Rd 12", "12 Saint Kilda Road")]
    [InlineData("P.O. Box 123, Austin, TX 78701", "po box 123 austin tx 78701")]
    [InlineData("Post Office Box 123, Austin, Texas 78701, USA", "PO Box 123, Austin, TX 78701, U.S.A.")]
    [InlineData("350 5th Ave, Floor 34, New York, NY 10118", "350 Fifth Avenue 34th Floor New York NY 10118")]
    public void Spellings_of_one_address_give_equal_parts(string one, string other)
    {
        var (a, b) = (AddressLineParser.Parse(one), AddressLineParser.Parse(other));
        Assert.True(a == b, $"\"{one}\" → {AddressPartsText.Of(a)}\n\"{other}\" → {AddressPartsText.Of(b)}");
    }

    public static TheoryData<string> Lines =>
    [
        "123 N Main St Apt 4B, Springfield, IL 62704", "1600 Pennsylvania Ave NW, Washington, DC 20500, USA",
        "Suite 200, 1 Market St, San Francisco CA 94105", "350 5th Avenue #3400 New York NY 10118", "PO Box 123, Austin, TX 78701",
        "100 Queen St W, Toronto, ON M5H 2N2", "Flat 2, 10 Downing Street, London SW1A 2AA", "10 E St NW, Washington DC 20004",
        "Unit 5, Riverside Industrial Estate, Leeds, West Yorkshire LS1 4AP, United Kingdom", "12 Smith St, Kingston ACT 2604",
        "Level 3, 55 Collins Street, Melbourne VIC 3000, Australia", "4/12 Smith St", "12 St Kilda Rd, St Kilda VIC 3182",
        "Hauptstraße 5, 10115 Berlin", "Hauptstr. 5 10115 Berlin Germany", "Groenewoudseweg 1 5621BA EINDHOVEN NL",
        "12, Rue de la Paix 75002 PARIS FRANCE", "10-12 High St", "12B Baker Street", "12 E", "2nd Floor, 1 Canada Square, London E14 5AB",
        "12 Baggot Street Lower, Dublin 2, D02 X285, Ireland", "Berliner Str. 12a, D-10115 Berlin, Deutschland",
    ];

    [Theory]
    [MemberData(nameof(Lines))]
    public void Parts_joined_back_into_a_line_give_the_same_parts(string line)
    {
        var parts = AddressLineParser.Parse(line)!;
        var joined = AddressPartsText.Joined(parts);
        Assert.True(parts == AddressLineParser.Parse(joined), $"\"{line}\" → {AddressPartsText.Of(parts)}\n\"{joined}\" → {AddressPartsText.Of(AddressLineParser.Parse(joined))}");
    }

    /// <summary>Generated US, British and German addresses, each typed two ways, parse alike and survive joining back.</summary>
    [Fact]
    public void Generated_addresses_typed_two_ways_give_equal_parts()
    {
        var name = Gen.OneOf("Main", "Oak", "Maple", "Cedar Hill", "Lake View", "Washington", "Park", "Church", "Kings");
        var type = Gen.OneOf(("St", "Street"), ("Ave", "Avenue"), ("Rd", "Road"), ("Blvd", "Boulevard"), ("Dr", "Drive"),
            ("Ln", "Lane"), ("Ct", "Court"), ("Pl", "Place"), ("Hwy", "Highway"), ("Pkwy", "Parkway"), ("Sq", "Square"), ("Ter", "Terrace"));
        var direction = Gen.OneOf(("", ""), ("N", "North"), ("S.", "south"), ("E", "EAST"), ("W.", "West"));
        var unit = Gen.OneOf(("", ""), ("Apt 4B", "Apartment 4b"), ("Ste 200", "Suite 200"), ("Unit 7", "unit 7"), ("Fl 3", "Floor 3"));
        var city = Gen.OneOf(("Springfield", "IL", "Illinois"), ("Austin", "TX", "Texas"), ("Portland", "OR", "Oregon"),
            ("Columbus", "OH", "Ohio"), ("Salem", "MA", "Massachusetts"));
        var us = Gen.Select(Gen.Int[1, 9999], direction, name, type, unit, city, Gen.Int[10000, 99999], Gen.Bool)
            .Select((number, d, n, t, u, c, zip, comma) => (
                $"{number} {d.Item1} {n} {t.Item1}{(comma ? ", " : " ")}{u.Item1}, {c.Item1}, {c.Item2} {zip}",
                $"{number} {d.Item2} {n.ToUpperInvariant()} {t.Item2} {u.Item2} {c.Item1.ToLowerInvariant()} {c.Item3} {zip}-1234 USA"));
        var gb = Gen.Select(Gen.Int[1, 300], name, type, Gen.OneOf(("London", "SW1A 2AA"), ("Leeds", "LS1 4AP"), ("Bath", "BA1 1AA")), Gen.Bool)
            .Select((number, n, t, c, flat) => (
                $"{(flat ? "Flat 3, " : "")}{number} {n} {t.Item1}., {c.Item1} {c.Item2}",
                $"{(flat ? "flat 3 " : "")}{number} {n.ToLowerInvariant()} {t.Item2.ToLowerInvariant()} {c.Item1.ToLowerInvariant()} {c.Item2.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()} United Kingdom"));
        var de = Gen.Select(Gen.OneOf("Haupt", "Bahnhof", "Garten", "Schiller"), Gen.Int[1, 200], Gen.OneOf(("10115", "Berlin"), ("80331", "München")))
            .Select((n, number, c) => ($"{n}straße {number}, {c.Item1} {c.Item2}", $"{n.ToUpperInvariant()}STR. {number} {c.Item1} {c.Item2.ToUpperInvariant()}"));

        Gen.OneOf(us, gb, de).Sample(pair =>
        {
            var (a, b) = (AddressLineParser.Parse(pair.Item1), AddressLineParser.Parse(pair.Item2));
            var joined = AddressLineParser.Parse(AddressPartsText.Joined(a!));
            return a is { Street: not null, City: not null, Postcode: not null } && a with { Country = null } == b! with { Country = null } && joined == a;
        }, iter: 5_000, print: pair => $"\"{pair.Item1}\" → {AddressPartsText.Of(AddressLineParser.Parse(pair.Item1))}\n"
            + $"\"{pair.Item2}\" → {AddressPartsText.Of(AddressLineParser.Parse(pair.Item2))}");
    }
}
