using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// Match rules for contact and company that work without tuning. Each weight is log2(m / u): m the chance that the
/// attribute agrees at that level when the records are one entity, u the chance that it does for two strangers
/// (docs/matching.md gives the reasoning per line). A missing value adds nothing.
/// </summary>
public static class DefaultMatchRules
{
    public static MatchRule Contact(Guid id, Guid objectId) => new()
    {
        Id = id,
        ObjectId = objectId,
        Name = "Default contact rule",
        PriorWeight = -2.5,
        AutoMatchThreshold = 0.99,
        ReviewThreshold = 0.7,
        Comparisons =
        [
            // Who the person is: given name, family name, birth date, personal identifiers.
            Compare(MatchAttributes.FirstName, ComparatorKind.PersonName, -12, (1, 6), (0.95, 4.5), (0.88, 3), (0.8, 0.5), (0.7, -2.5)),
            Compare(MatchAttributes.LastName, ComparatorKind.PersonName, -4.5, (1, 8.5), (0.92, 5.5), (0.85, 2.5)),
            Compare(MatchAttributes.Dob, ComparatorKind.Date, -4, (1, 12), (0.95, 8.5), (0.9, 6.5), (0.8, 4), (0.7, 2.5), (0.6, 0.5)),
            // A different mailbox is strong evidence of a different person: strangers who share a name rarely share a mailbox,
            // and a name alone (common names are shared by thousands) must not be enough to merge.
            Compare(MatchAttributes.Email, ComparatorKind.Email, -6, (1, 16), (0.9, 8), (0.8, 3)),
            Compare(MatchAttributes.NationalId, ComparatorKind.Levenshtein, -6, (1, 18), (0.85, 10)),
            // Where the person lives: shared by a household, so all of it together says "same household", not "same person".
            Compare(MatchAttributes.Phone, ComparatorKind.Levenshtein, -3, (1, 8), (0.9, 3)),
            Compare(MatchAttributes.Postcode, ComparatorKind.Levenshtein, -1.5, (1, 4), (0.75, 1.5)),
            Compare(MatchAttributes.Street, ComparatorKind.JaroWinkler, -1.5, (1, 4), (0.9, 2.5), (0.8, 1)),
            Compare(MatchAttributes.StreetNumber, ComparatorKind.Exact, -1, (1, 1.5)),
            Compare(MatchAttributes.Address2, ComparatorKind.JaroWinkler, -0.5, (1, 1.5), (0.9, 1)),
            Compare(MatchAttributes.City, ComparatorKind.JaroWinkler, -1, (1, 1), (0.88, 0.5)),
            Compare(MatchAttributes.State, ComparatorKind.Exact, -1, (1, 0.5)),
            Compare(MatchAttributes.Country, ComparatorKind.Exact, -2, (1, 0.2)),
            Compare(MatchAttributes.Company, ComparatorKind.JaroWinkler, -0.5, (1, 1.5), (0.9, 1)),
        ],
        BlockingKeys =
        [
            "email",
            "email.local",
            "phone",
            "national_id",
            "last_name.metaphone+first_name.nickname.initial",
            "first_name.nickname+last_name.initial",
            "full_name.metaphone.sorted",
            "dob",
            "last_name.metaphone+dob.year",
            "postcode+street_number",
        ],
    };

    public static MatchRule Company(Guid id, Guid objectId) => new()
    {
        Id = id,
        ObjectId = objectId,
        Name = "Default company rule",
        PriorWeight = -2.5,
        AutoMatchThreshold = 0.99,
        ReviewThreshold = 0.7,
        Comparisons =
        [
            // The name without its legal form, word by word, rare words weighing more: two companies rarely share one in
            // a place (registries refuse it). All of the shorter name (0.85 and up) is enough on its own to auto-match;
            // half of it (Philips Electronics / Philips Lighting) counts against.
            Compare(MatchAttributes.Company, ComparatorKind.CompanyName, -6, (1, 10), (0.85, 9.3), (0.7, 4), (0.6, 1)),
            Compare(MatchAttributes.NationalId, ComparatorKind.Exact, -6, (1, 16)),
            Compare(MatchAttributes.Website, ComparatorKind.Exact, -2, (1, 12)),
            // A local number that ends the other's full number is its subscriber part (0.9).
            Compare(MatchAttributes.Phone, ComparatorKind.Phone, -1, (1, 8), (0.9, 3)),
            // Where it is: branches of one company differ here, so these weigh less; but a different place takes a name
            // match down to review (and with a different phone too, SiteGuard keeps it there).
            Compare(MatchAttributes.Street, ComparatorKind.JaroWinkler, -1, (1, 4), (0.9, 2.5)),
            Compare(MatchAttributes.StreetNumber, ComparatorKind.Exact, -0.5, (1, 1)),
            Compare(MatchAttributes.Postcode, ComparatorKind.Levenshtein, -1, (1, 4), (0.75, 1.5)),
            Compare(MatchAttributes.City, ComparatorKind.JaroWinkler, -2, (1, 2), (0.88, 1)),
            Compare(MatchAttributes.Country, ComparatorKind.Exact, -4, (1, 0.5)),
        ],
        BlockingKeys =
        [
            "website",
            "phone",
            "phone.suffix7",
            "national_id",
            "company",
            "company.metaphone",
            "company.sorted",
            "company.prefix4",
            "company.word1",
            "company.word2",
            "postcode+company.initial",
        ],
    };

    /// <summary>The default rule for an object key ("contact", "company"), or null when there is none.</summary>
    public static MatchRule? For(string objectKey, Guid id, Guid objectId) => objectKey switch
    {
        "contact" => Contact(id, objectId),
        "company" => Company(id, objectId),
        _ => null,
    };

    private static MatchComparison Compare(string attribute, ComparatorKind comparator, double mismatch, params (double Threshold, double Weight)[] levels) =>
        new() { Attribute = attribute, Comparator = comparator, MismatchWeight = mismatch, Levels = [.. levels.Select(l => new MatchLevel(l.Threshold, l.Weight))] };
}
