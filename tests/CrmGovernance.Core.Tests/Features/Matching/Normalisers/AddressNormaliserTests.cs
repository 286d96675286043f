using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

public sealed class AddressNormaliserTests
{
    [Theory]
    [InlineData("12 High St.", "12 high street")]
    [InlineData("12 High Str", "12 high street")]
    [InlineData("1 Park Ave", "1 park avenue")]
    [InlineData("1 Park Av.", "1 park avenue")]
    [InlineData("5 Mill Rd", "5 mill road")]
    [InlineData("9 Sunset Blvd", "9 sunset boulevard")]
    [InlineData("9 Pacific Hwy", "9 pacific highway")]
    [InlineData("9 Garden State Pkwy", "9 garden state parkway")]
    [InlineData("3 Lovers Ln", "3 lovers lane")]
    [InlineData("3 Elm Ct", "3 elm court")]
    [InlineData("3 Eaton Pl", "3 eaton place")]
    [InlineData("3 Eaton Sq", "3 eaton square")]
    [InlineData("3 Royal Ter", "3 royal terrace")]
    [InlineData("3 Royal Cres", "3 royal crescent")]
    [InlineData("wallaby place", "wallaby place")]
    public void Street_types_are_spelled_out(string raw, string normalised) => Assert.Equal(normalised, AddressNormaliser.Normalise(raw));

    [Theory]
    [InlineData("Hauptstr. 5", "hauptstrasse 5")]
    [InlineData("Hauptstraße 5", "hauptstrasse 5")]
    [InlineData("HAUPTSTRASSE 5", "hauptstrasse 5")]
    [InlineData("Berliner Str. 5", "berliner street 5")]
    [InlineData("Berliner Straße 5", "berliner street 5")]
    public void German_street_suffixes_meet(string raw, string normalised) => Assert.Equal(normalised, AddressNormaliser.Normalise(raw));

    [Theory]
    [InlineData("St Kilda Rd", "saint kilda road")]
    [InlineData("12 St. John's Wood Road", "12 saint johns wood road")]
    [InlineData("1 Main St St Louis", "1 main street saint louis")]
    [InlineData("High St Kensington", "high street kensington")]
    [InlineData("Main St", "main street")]
    [InlineData("St", "street")]
    public void St_starting_a_name_is_Saint_and_elsewhere_Street(string raw, string normalised) =>
        Assert.Equal(normalised, AddressNormaliser.Normalise(raw));

    [Theory]
    [InlineData("123 N Main St", "123 north main street")]
    [InlineData("123 N. Main St.", "123 north main street")]
    [InlineData("100 Queen St W", "100 queen street west")]
    [InlineData("1600 Pennsylvania Ave NW", "1600 pennsylvania avenue northwest")]
    [InlineData("1600 Pennsylvania Ave N.W.", "1600 pennsylvania avenue northwest")]
    [InlineData("5 Main St E Apt 2", "5 main street east apartment 2")]
    [InlineData("10 E St NW", "10 e street northwest")]
    [InlineData("12 E", "12 e")]
    [InlineData("thomso n street", "thomso n street")]
    [InlineData("bedford s treet", "bedford s treet")]
    public void Directions_are_spelled_out_where_they_stand_for_one(string raw, string normalised) =>
        Assert.Equal(normalised, AddressNormaliser.Normalise(raw));

    [Theory]
    [InlineData("Apt 4B", "apartment 4b")]
    [InlineData("Ste 200", "suite 200")]
    [InlineData("Fl 3", "floor 3")]
    [InlineData("Bldg 2", "building 2")]
    [InlineData("Lvl 3", "level 3")]
    [InlineData("Rue Ste Catherine", "rue ste catherine")]
    [InlineData("greigs flat", "greigs flat")]
    public void Unit_designators_have_one_spelling(string raw, string normalised) => Assert.Equal(normalised, AddressNormaliser.Normalise(raw));

    [Theory]
    [InlineData("P.O. Box 7", "po box 7")]
    [InlineData("PO Box 7", "po box 7")]
    [InlineData("Post Office Box 7", "po box 7")]
    [InlineData("POB 7", "po box 7")]
    public void PO_boxes_have_one_spelling(string raw, string normalised) => Assert.Equal(normalised, AddressNormaliser.Normalise(raw));

    [Theory]
    [InlineData("1st Ave", "1st avenue")]
    [InlineData("350 Fifth Avenue", "350 5th avenue")]
    [InlineData("First Ave", "1st avenue")]
    [InlineData("First National Bank", "first national bank")]
    public void Ordinals_stay_and_ordinal_words_before_a_street_type_are_written_as_them(string raw, string normalised) =>
        Assert.Equal(normalised, AddressNormaliser.Normalise(raw));
}
