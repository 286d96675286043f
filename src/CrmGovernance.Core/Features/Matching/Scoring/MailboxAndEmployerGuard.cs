using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>
/// Keeps a pair whose mailbox and employer both differ out of auto-match: that is how two people who share a name
/// look (a father and son at one address, namesakes at two firms), and a shared name, phone or address can add up to
/// a score above the auto-match threshold. Such a pair goes to review at most, never merged without a steward. A
/// typo in the email (it still scores about 0.9) or the same employer is not a different person's evidence, so the
/// guard stands aside. The employer is the company both records name when the rule compares company; otherwise, or
/// when one record names none, the domain of a work address (any domain but a personal mail provider's,
/// <see cref="PersonalMailDomains"/>). Without an employer on both sides the guard stands aside.
/// </summary>
internal sealed class MailboxAndEmployerGuard : IPairGuard
{
    /// <summary>What the explanation row of a guarded pair is called.</summary>
    public const string Attribute = "mailbox and employer";

    public const string Name = "MailboxAndEmployerGuard";

    public const string Level = "both differ: review, never auto-match";

    /// <summary>
    /// Below this the addresses are different mailboxes, not one mistyped: a typo in the local part or the domain scores
    /// about 0.9, another mailbox of a namesake at most 0.7 (<see cref="EmailSimilarity"/>).
    /// </summary>
    public const double SameMailbox = 0.8;

    /// <summary>At or above this Jaro–Winkler similarity two normalised company names are one employer written two ways.</summary>
    public const double SameEmployer = 0.88;

    private readonly int _email;
    private readonly int? _company;

    private MailboxAndEmployerGuard(int email, int? company) => (_email, _company) = (email, company);

    public string Comparator => Name;

    /// <summary>The guard for a model's comparisons, or null when the rule does not compare email.</summary>
    public static MailboxAndEmployerGuard? For(IReadOnlyList<ComparisonEvaluator> evaluators)
    {
        var email = evaluators.FirstOrDefault(e => e.Comparison.Attribute == MatchAttributes.Email)?.Slot;
        var company = evaluators.FirstOrDefault(e => e.Comparison.Attribute == MatchAttributes.Company)?.Slot;
        return email is { } e ? new MailboxAndEmployerGuard(e, company) : null;
    }

    /// <summary>True when both records have an email and an employer and both differ beyond a typo.</summary>
    public bool Applies(PreparedRecord left, PreparedRecord right)
    {
        var (leftEmail, rightEmail) = (left.Values[_email], right.Values[_email]);
        if (leftEmail is null || rightEmail is null || EmailSimilarity.Similarity(leftEmail, rightEmail) >= SameMailbox)
        {
            return false;
        }
        var (leftCompany, rightCompany) = (Company(left), Company(right));
        if (leftCompany is not null && rightCompany is not null)
        {
            return JaroWinkler.Similarity(leftCompany, rightCompany) < SameEmployer;
        }
        var (leftDomain, rightDomain) = (WorkDomain(leftEmail), WorkDomain(rightEmail));
        return leftDomain is not null && rightDomain is not null && JaroWinkler.Similarity(leftDomain, rightDomain) < SameEmployer;
    }

    private string? Company(PreparedRecord record) => _company is { } slot ? record.Values[slot] : null;

    /// <summary>The domain of a work address; null for a personal mail provider's.</summary>
    private static string? WorkDomain(string email)
    {
        var domain = EmailNormaliser.Domain(email);
        return domain.IsEmpty || PersonalMailDomains.Contains(domain) ? null : domain.ToString();
    }

    /// <summary>The explanation row a steward sees: both records' mailbox and employer, and why the pair was not auto-matched.</summary>
    public ComparisonExplanation Explain(PreparedRecord left, PreparedRecord right) =>
        new(Attribute, Name, Shown(left), Shown(right), null, Level, 0);

    private string Shown(PreparedRecord record) => Company(record) is { } company ? $"{record.Values[_email]} · {company}" : $"{record.Values[_email]}";
}
