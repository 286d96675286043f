using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching.Comparators;

public sealed class PersonAndEmailSimilarityTests
{
    [Theory]
    [InlineData("bob", "robert")]
    [InlineData("liz", "elizabeth")]
    [InlineData("bill", "william")]
    public void A_nickname_scores_as_the_formal_name(string nickname, string formal) =>
        Assert.Equal(PersonNameSimilarity.Nickname, PersonNameSimilarity.Similarity(new NamePart(nickname), new NamePart(formal)));

    [Fact]
    public void Names_said_alike_score_high_and_strangers_low()
    {
        Assert.True(PersonNameSimilarity.Similarity(new NamePart("catherine"), new NamePart("kathryn")) >= PersonNameSimilarity.SoundsAlike);
        Assert.True(PersonNameSimilarity.Similarity(new NamePart("oliver"), new NamePart("oscar")) < 0.8);
    }

    [Fact]
    public void An_initial_and_a_middle_name_still_match()
    {
        Assert.Equal(PersonNameSimilarity.Initial, PersonNameSimilarity.Similarity(new NamePart("j"), new NamePart("john")));
        Assert.True(PersonNameSimilarity.Similarity(new NamePart("mary anne"), new NamePart("mary")) >= PersonNameSimilarity.ExtraWord);
    }

    [Fact]
    public void Swapped_first_and_last_names_pair_crosswise()
    {
        var (first, last) = PersonNameSimilarity.Compare(new NamePart("smith"), new NamePart("john"), new NamePart("john"), new NamePart("smith"));

        Assert.Equal(PersonNameSimilarity.Swapped, first);
        Assert.Equal(PersonNameSimilarity.Swapped, last);
    }

    [Fact]
    public void Two_different_people_are_not_taken_for_a_swap()
    {
        var (first, last) = PersonNameSimilarity.Compare(new NamePart("john"), new NamePart("smith"), new NamePart("peter"), new NamePart("smith"));

        Assert.Equal(1, last);
        Assert.True(first < 0.7);
    }

    [Fact]
    public void A_nickname_with_swapped_names_still_matches()
    {
        var (first, last) = PersonNameSimilarity.Compare(new NamePart("whitfield"), new NamePart("bob"), new NamePart("robert"), new NamePart("whitfield"));

        Assert.True(first >= 0.9);
        Assert.True(last >= 0.9);
    }

    [Theory]
    [InlineData("john.smith@example.com", "jonh.smith@example.com")]
    [InlineData("john.smith@example.com", "john.smyth@example.com")]
    [InlineData("john.smith@example.com", "john.smith@exmaple.com")]
    public void An_email_typo_still_scores_high(string left, string right) => Assert.True(EmailSimilarity.Similarity(left, right) >= 0.85);

    [Theory]
    [InlineData("jsmith1@example.com", "jsmith2@example.com")]
    [InlineData("j.smith@example.com", "jsmith@example.com")]
    [InlineData("john.smith@example.com", "john.smith@another.org")]
    public void Another_mailbox_of_a_namesake_scores_low(string left, string right) =>
        Assert.True(EmailSimilarity.Similarity(left, right) <= EmailSimilarity.OtherMailbox);

    [Fact]
    public void Unrelated_addresses_score_lowest() =>
        Assert.True(EmailSimilarity.Similarity("ann.jones@example.com", "peter.kowalski@example.org") < 0.5);
}
