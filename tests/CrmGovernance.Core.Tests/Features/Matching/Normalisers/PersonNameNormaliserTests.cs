using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

public sealed class PersonNameNormaliserTests
{
    [Theory]
    [InlineData("José", "jose")]
    [InlineData("ZOË", "zoe")]
    [InlineData("Ångström", "angstrom")]
    [InlineData("Müller", "muller")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Strauß", "strauss")]
    [InlineData("STRAUẞ", "strauss")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O’Brien", "obrien")]
    [InlineData("Smith-Jones", "smith jones")]
    [InlineData("  Mary   Anne ", "mary anne")]
    [InlineData("Dr. José O'Brien-Smith Jr", "jose obrien smith")]
    [InlineData("Mrs Jane Doe", "jane doe")]
    [InlineData("John Smith III", "john smith")]
    public void Names_lose_accents_punctuation_titles_and_suffixes(string raw, string normalised) =>
        Assert.Equal(normalised, PersonNameNormaliser.Normalise(raw));

    [Fact]
    public void A_title_alone_is_kept_as_the_name() => Assert.Equal("dr", PersonNameNormaliser.Normalise("Dr."));

    [Theory]
    [InlineData("Smith, John", "john", "smith")]
    [InlineData("John Smith", "john", "smith")]
    [InlineData("Mary Anne Smith", "mary anne", "smith")]
    [InlineData("Smith", null, "smith")]
    public void A_full_name_splits_into_first_and_last(string full, string? first, string last) =>
        Assert.Equal((first, last), PersonNameNormaliser.Split(full));

    [Theory]
    [InlineData("bob", "robert")]
    [InlineData("bobby", "robert")]
    [InlineData("liz", "elizabeth")]
    [InlineData("bill", "william")]
    [InlineData("peggy", "margaret")]
    [InlineData("robert", "robert")]
    [InlineData("xanthippe", "xanthippe")]
    public void A_nickname_roots_to_its_formal_name(string name, string root) => Assert.Equal(root, Nicknames.Root(name));

    [Theory]
    [InlineData("bob", "robert", true)]
    [InlineData("liz", "beth", true)]
    [InlineData("jim", "james", true)]
    [InlineData("robert", "william", false)]
    [InlineData("oliver", "oscar", false)]
    public void Nicknames_of_one_name_are_equivalent(string left, string right, bool equivalent)
    {
        Assert.Equal(equivalent, Nicknames.AreEquivalent(left, right));
        Assert.Equal(equivalent, Nicknames.AreEquivalent(right, left));
    }
}
