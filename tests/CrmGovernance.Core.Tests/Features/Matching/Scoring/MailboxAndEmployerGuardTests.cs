using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching.Scoring;

/// <summary>
/// A pair whose mailbox and employer both differ is two people, however much else they share: reviewed at most, never
/// auto-matched, in the worker's scoring and in scans alike. A typo in the email, or the same employer, is not that.
/// </summary>
public sealed class MailboxAndEmployerGuardTests
{
    private static readonly MatchModel Contact = MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid()), "GB");

    // Father and son of one name at one home number, each with his own mailbox and employer.
    private static readonly MatchRecord Father = Person("f", "John", "Whitcombe", "john.whitcombe@harbourside-shipping.example", "Harbourside Shipping Ltd", "01632 960 555");
    private static readonly MatchRecord Son = Person("s", "John", "Whitcombe", "jwhitcombe@northgate-analytics.example", "Northgate Analytics", "01632 960 555");

    [Fact]
    public void Namesakes_at_one_number_with_different_mailboxes_and_employers_are_reviewed_not_auto_matched()
    {
        var score = Contact.Score(Contact.Prepare(Father), Contact.Prepare(Son));

        Assert.True(score.Probability >= Contact.Rule.AutoMatchThreshold, $"p = {score.Probability}: the pair must score above auto-match for the guard to matter");
        Assert.Equal(MatchDecision.Review, score.Decision);
        var why = Assert.Single(score.Explanations, e => e.Attribute == "mailbox and employer");
        Assert.Contains("never auto-match", why.Level, StringComparison.Ordinal);
        Assert.Contains("harbourside shipping", why.Left, StringComparison.Ordinal);
        Assert.Equal(0, why.Weight);
    }

    [Fact]
    public void A_scan_puts_the_namesakes_in_no_cluster_but_lists_them_for_review()
    {
        var result = DuplicateFinder.Find(Contact, [Father, Son], null, CancellationToken.None);

        Assert.Empty(result.Clusters);
        Assert.Equal(MatchDecision.Review, Assert.Single(result.Pairs).Decision);
    }

    [Fact]
    public void A_typo_in_the_email_at_the_same_employer_still_auto_matches()
    {
        var crm = Person("c", "Thomas", "Stevens", "thomas.stevens@harbourside-shipping.example", "Harbourside Shipping Ltd", null);
        var typo = Person("t", "Thomas", "Stevens", "thomas.stevnes@harbourside-shipping.example", "Harbourside Shipping", null);

        var score = Contact.Score(Contact.Prepare(crm), Contact.Prepare(typo));

        Assert.Equal(MatchDecision.AutoMatch, score.Decision);
        Assert.DoesNotContain(score.Explanations, e => e.Attribute == "mailbox and employer");
        Assert.Single(DuplicateFinder.Find(Contact, [crm, typo], null, CancellationToken.None).Clusters);
    }

    [Fact]
    public void A_mistyped_mail_domain_with_another_employer_still_auto_matches()
    {
        var crm = Person("c", "Olivia", "Hughes", "olivia.hughes@gmail.com", "Harbourside Shipping", "07700 900 123");
        var typo = Person("t", "Olivia", "Hughes", "olivia.hughes@gmial.com", "Northgate Analytics", "07700 900 123");

        Assert.Equal(MatchDecision.AutoMatch, Contact.Score(Contact.Prepare(crm), Contact.Prepare(typo)).Decision);
    }

    [Fact]
    public void Without_a_company_the_work_mail_domains_name_the_employers()
    {
        var withoutCompany = Person("s", "John", "Whitcombe", "jwhitcombe@northgate-analytics.example", null, "01632 960 555");

        var score = Contact.Score(Contact.Prepare(Father), Contact.Prepare(withoutCompany));

        Assert.Equal(MatchDecision.Review, score.Decision);
        Assert.Single(score.Explanations, e => e.Attribute == "mailbox and employer");
    }

    [Fact]
    public void A_rule_that_compares_no_company_still_keeps_namesakes_at_two_work_domains_from_auto_match()
    {
        var rule = DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid());
        var noCompany = MatchModel.Compile(rule with { Comparisons = [.. rule.Comparisons.Where(c => c.Attribute != MatchAttributes.Company)] }, "GB");
        var a = Person("a", "Sarah", "Ali", "sarahali@riverside-dental.example", null, "07700 900 321");
        var b = Person("b", "Sarah", "Ali", "sarah.ali@fernhill-nurseries.example", null, "07700 900 321");

        Assert.Equal(MatchDecision.Review, noCompany.Score(noCompany.Prepare(a), noCompany.Prepare(b)).Decision);
    }

    [Fact]
    public void A_personal_mailbox_on_one_side_names_no_employer_and_the_guard_stands_aside()
    {
        var personal = Person("s", "John", "Whitcombe", "johnw1970@btinternet.com", null, "01632 960 555");

        var score = Contact.Score(Contact.Prepare(Father), Contact.Prepare(personal));

        Assert.DoesNotContain(score.Explanations, e => e.Attribute == "mailbox and employer");
    }

    private static MatchRecord Person(string id, string first, string last, string email, string? company, string? phone) => new(id, new Dictionary<string, string?>
    {
        [MatchAttributes.FirstName] = first, [MatchAttributes.LastName] = last, [MatchAttributes.Email] = email,
        [MatchAttributes.Company] = company, [MatchAttributes.Phone] = phone,
    });
}
