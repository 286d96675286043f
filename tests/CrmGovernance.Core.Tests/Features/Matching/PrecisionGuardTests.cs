using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching;

/// <summary>
/// Different people who look alike on everything a household or a sequence shares: one surname, one city, emails and
/// phone numbers a digit apart (a household, or records numbered in sequence). Reported failing against an earlier rule;
/// such pairs may go to the review queue, but none may auto-match: a wrong merge costs far more than a missed one.
/// </summary>
public sealed class PrecisionGuardTests
{
    private static readonly MatchModel Contact = MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid()), "GB");

    private static readonly string[] FirstNames = ["James", "Jack", "Oliver", "Oscar", "Isla", "Ella", "Amelia", "Emily", "Noah", "Noel", "Lily", "Lucy"];

    [Theory]
    [InlineData("James", 3, "Jack", 13)]
    [InlineData("Oliver", 21, "Oscar", 22)]
    [InlineData("Isla", 45, "Ella", 46)]
    public void Namesakes_with_emails_and_phones_a_digit_apart_do_not_auto_match(string first, int n, string other, int m)
    {
        var score = Contact.Score(Contact.Prepare(Fischer(first, n)), Contact.Prepare(Fischer(other, m)));

        Assert.True(score.Decision != MatchDecision.AutoMatch, $"{first} {n} / {other} {m}: p = {score.Probability:0.0000}\n"
            + string.Join("\n", score.Explanations.Where(e => e.Level != "missing").Select(e => $"{e.Attribute} {e.Left} / {e.Right}: {e.Level} {e.Weight:+0.0;-0.0}")));
    }

    private static readonly string[] Surnames =
    [
        "Fischer", "Walker", "Patel", "Nguyen", "Kowalski", "Okafor", "Murphy", "Rossi", "Haddad", "Silva",
        "Novak", "Larsen", "Dubois", "Tanaka", "Singh", "Jensen", "Moreau", "Costa", "Ahmed", "Brennan",
    ];

    [Fact]
    public void A_scan_of_families_sharing_a_surname_and_a_city_finds_no_duplicates()
    {
        // Twenty families of twelve, one given name each: within a family the numbers run 0 to 11, mostly a digit
        // apart; from family to family they step by 111.
        var records = Surnames
            .SelectMany((surname, s) => FirstNames.Select((first, j) => Person(first, surname, s * 111 + j)))
            .ToList();

        var result = DuplicateFinder.Find(Contact, records, null, CancellationToken.None);

        Assert.True(result.Clusters.Count == 0, $"{result.Clusters.Count} clusters of different people, e.g. " + string.Join(" + ", result.Clusters.Count > 0 ? result.Clusters[0] : []));
    }

    private static MatchRecord Fischer(string first, int n) => Person(first, "Fischer", n);

    /// <summary>A person of Manchester numbered n: james.fischer.0003@example.com, +44 161 496 0003.</summary>
    private static MatchRecord Person(string first, string last, int n)
    {
        var number = n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        return new MatchRecord($"{first}-{last}-{number}", new Dictionary<string, string?>
        {
            [MatchAttributes.FirstName] = first,
            [MatchAttributes.LastName] = last,
            [MatchAttributes.Email] = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}.{number}@example.com",
            [MatchAttributes.Phone] = $"+44 161 496 {number}",
            [MatchAttributes.City] = "Manchester",
        });
    }
}
