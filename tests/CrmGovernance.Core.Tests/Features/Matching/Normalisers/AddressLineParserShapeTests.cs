using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

/// <summary>Address lines as they are typed in each country, read into "number|street|unit|city|state|postcode|country".</summary>
public sealed class AddressLineParserShapeTests
{
    [Theory]
    [InlineData("123 N Main St Apt 4B, Springfield, IL 62704", "123|north main street|apartment 4b|springfield|il|62704|")]
    [InlineData("123 North Main Street, Apt. 4b, Springfield IL 62704-1234", "123|north main street|apartment 4b|springfield|il|62704|")]
    [InlineData("1600 Pennsylvania Ave NW, Washington, DC 20500, USA", "1600|pennsylvania avenue northwest||washington|dc|20500|US")]
    [InlineData("Suite 200, 1 Market St, San Francisco CA 94105", "1|market street|suite 200|san francisco|ca|94105|")]
    [InlineData("350 5th Avenue #3400 New York NY 10118", "350|5th avenue|unit 3400|new york|ny|10118|")]
    [InlineData("PO Box 123, Austin, TX 78701", "|po box 123||austin|tx|78701|")]
    [InlineData("P.O. Box 123 Austin Texas 78701", "|po box 123||austin|tx|78701|")]
    [InlineData("10 E St NW, Washington DC 20004", "10|e street northwest||washington|dc|20004|")]
    [InlineData("742 Evergreen Terrace, Springfield, Illinois", "742|evergreen terrace||springfield|il||")]
    [InlineData("2 Elm Ct, Hartford, CT 06103", "2|elm court||hartford|ct|06103|")]
    [InlineData("500 Oak St NE, Salem OR 97301", "500|oak street northeast||salem|or|97301|")]
    [InlineData("1 Main St St Louis MO 63101", "1|main street||saint louis|mo|63101|")]
    public void United_States_lines_are_read(string line, string parts) => Assert.Equal(parts, AddressPartsText.Of(AddressLineParser.Parse(line)));

    [Theory]
    [InlineData("100 Queen St W, Toronto, ON M5H 2N2", "100|queen street west||toronto|on|m5h2n2|")]
    [InlineData("100 queen street west toronto ontario m5h2n2 canada", "100|queen street west||toronto|on|m5h2n2|CA")]
    [InlineData("100 Queen St W, Toronto ON M5H 2N2, CA", "100|queen street west||toronto|on|m5h2n2|CA")]
    public void Canadian_lines_are_read(string line, string parts) => Assert.Equal(parts, AddressPartsText.Of(AddressLineParser.Parse(line)));

    [Theory]
    [InlineData("Flat 2, 10 Downing Street, London SW1A 2AA", "10|downing street|flat 2|london||sw1a2aa|")]
    [InlineData("10 downing st london sw1a2aa", "10|downing street||london||sw1a2aa|")]
    [InlineData("Unit 5, Riverside Industrial Estate, Leeds, West Yorkshire LS1 4AP, United Kingdom",
        "|riverside industrial estate|unit 5|leeds||ls14ap|GB")]
    [InlineData("St. John's Wood Road, London NW8 8QN, UK", "|saint johns wood road||london||nw88qn|GB")]
    [InlineData("2nd Floor, 1 Canada Square, London E14 5AB", "1|canada square|floor 2|london||e145ab|")]
    [InlineData("12 Baggot Street Lower, Dublin 2, D02 X285, Ireland", "12|baggot street||dublin 2||d02x285|IE")]
    public void British_and_Irish_lines_are_read(string line, string parts) => Assert.Equal(parts, AddressPartsText.Of(AddressLineParser.Parse(line)));

    [Theory]
    [InlineData("12 Smith St, Kingston ACT 2604", "12|smith street||kingston|act|2604|")]
    [InlineData("Level 3, 55 Collins Street, Melbourne VIC 3000, Australia", "55|collins street|level 3|melbourne|vic|3000|AU")]
    [InlineData("4/12 Smith St, Kingston ACT 2604", "12|smith street|unit 4|kingston|act|2604|")]
    [InlineData("12 St Kilda Rd, St Kilda, Victoria 3182", "12|saint kilda road||saint kilda|vic|3182|")]
    [InlineData("1 George St, Sydney, New South Wales 2000", "1|george street||sydney|nsw|2000|")]
    [InlineData("1 Queen Street, Auckland 1010, New Zealand", "1|queen street||auckland||1010|NZ")]
    public void Australian_and_New_Zealand_lines_are_read(string line, string parts) =>
        Assert.Equal(parts, AddressPartsText.Of(AddressLineParser.Parse(line)));

    [Theory]
    [InlineData("Hauptstraße 5, 10115 Berlin", "5|hauptstrasse||berlin||10115|")]
    [InlineData("Hauptstr. 5 10115 Berlin Germany", "5|hauptstrasse||berlin||10115|DE")]
    [InlineData("Berliner Str. 12a, D-10115 Berlin, Deutschland", "12a|berliner street||berlin||10115|DE")]
    [InlineData("Mariahilfer Straße 1, 1060 Wien, Österreich", "1|mariahilfer street||wien||1060|AT")]
    [InlineData("Bahnhofstrasse 10, 8001 Zürich, Schweiz", "10|bahnhofstrasse||zurich||8001|CH")]
    public void German_speaking_lines_are_read(string line, string parts) => Assert.Equal(parts, AddressPartsText.Of(AddressLineParser.Parse(line)));

    [Theory]
    [InlineData("Groenewoudseweg 1, 5621 BA Eindhoven", "1|groenewoudseweg||eindhoven||5621ba|")]
    [InlineData("Groenewoudseweg 1 5621BA EINDHOVEN NL", "1|groenewoudseweg||eindhoven||5621ba|NL")]
    [InlineData("Rue de la Loi 16, 1000 Bruxelles, Belgique", "16|rue de la loi||bruxelles||1000|BE")]
    [InlineData("12 rue de la Paix, 75002 Paris", "12|rue de la paix||paris||75002|")]
    [InlineData("12, Rue de la Paix 75002 PARIS FRANCE", "12|rue de la paix||paris||75002|FR")]
    [InlineData("8 bd Haussmann, 75009 Paris", "8|boulevard haussmann||paris||75009|")]
    public void Dutch_Belgian_and_French_lines_are_read(string line, string parts) =>
        Assert.Equal(parts, AddressPartsText.Of(AddressLineParser.Parse(line)));

    [Theory]
    [InlineData("10-12 High St", "10-12|high street|||||")]
    [InlineData("10 - 12 High St", "10-12|high street|||||")]
    [InlineData("12B Baker Street", "12b|baker street|||||")]
    [InlineData("12 b baker street", "12b|baker street|||||")]
    [InlineData("12 E Main St", "12|east main street|||||")]
    [InlineData("12 E", "12e||||||")]
    [InlineData("  123   MAIN    ST.  ", "123|main street|||||")]
    [InlineData("123 main st springfield il 62704.", "123|main street||springfield|il|62704|")]
    [InlineData("12345", "12345||||||")]
    [InlineData("Suite 200", "||suite 200||||")]
    public void Messy_lines_are_read(string line, string parts) => Assert.Equal(parts, AddressPartsText.Of(AddressLineParser.Parse(line)));

    [Fact]
    public void A_trailing_CA_is_California_before_a_postcode_and_Canada_after_one()
    {
        Assert.Equal("ca", AddressLineParser.Parse("1 Market St, San Francisco, CA 94105")?.State);
        Assert.Equal("CA", AddressLineParser.Parse("100 Queen St W, Toronto ON M5H 2N2, CA")?.Country);
        Assert.Null(AddressLineParser.Parse("1 Market St, San Francisco, CA")?.Country);
    }

    [Fact]
    public void A_trailing_code_that_is_the_region_is_the_country()
    {
        Assert.Equal("de", AddressLineParser.Parse("Hauptstraße 5, Berlin, DE")?.State);
        var german = AddressLineParser.Parse("Hauptstraße 5, Berlin, DE", "DE");
        Assert.Equal(("DE", null, "berlin"), (german?.Country, german?.State, german?.City));
    }

    [Fact]
    public void A_state_name_that_ends_the_line_is_not_a_country() =>
        Assert.Equal(("nsw", null), (AddressLineParser.Parse("1 George St, Sydney, New South Wales")?.State, AddressLineParser.Parse("1 George St, Sydney, New South Wales")?.Country));

    [Fact]
    public void A_number_after_a_unit_or_PO_box_is_not_a_postcode()
    {
        Assert.Equal(("apartment 1234", null), (AddressLineParser.Parse("123 Main St Apt 1234")?.Unit, AddressLineParser.Parse("123 Main St Apt 1234")?.Postcode));
        Assert.Equal(("po box 1234", "sydney"), (AddressLineParser.Parse("PO Box 1234 Sydney")?.Street, AddressLineParser.Parse("PO Box 1234 Sydney")?.City));
        Assert.Equal("1234", AddressLineParser.Parse("Hauptstraße 1234")?.StreetNumber);
    }
}
