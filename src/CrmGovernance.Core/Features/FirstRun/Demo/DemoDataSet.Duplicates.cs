using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// The duplicates a CRM collects: contacts keyed in a second time by hand (the email retyped in other capitals, a
/// surname with two letters swapped, a personal address with a mistyped domain, the phone written another way), two
/// companies entered twice, and shop customers who opened a second account. They are drawn from a random stream of
/// their own, so the rest of the demo data stays as it was; <see cref="SeededDuplicates"/> names each pair.
/// </summary>
internal sealed partial class DemoDataSet
{
    private const int DuplicateSeed = 7_311;

    /// <summary>CRM contacts (by index) keyed in twice, about one in fifteen.</summary>
    private static readonly int[] ContactsKeyedTwice = [3, 14, 27, 38, 51, 66, 79, 92, 105, 118, 131, 146];

    /// <summary>How many CRM contacts were keyed in twice: the duplicates a scan of the demo CRM finds.</summary>
    public static int ContactsKeyedTwiceCount => ContactsKeyedTwice.Length;

    private static readonly int[] CompaniesKeyedTwice = [4, 15];

    private static readonly int[] CustomersWithTwoAccounts = [6, 33, 61];

    /// <summary>Each seeded duplicate: its table ("contacts", "companies", "customers"), the original's id and the duplicate's.</summary>
    public IReadOnlyList<(string Table, string Original, string Duplicate)> SeededDuplicates => _duplicates;

    private readonly List<(string, string, string)> _duplicates = [];

    private void AddDuplicates()
    {
        var random = new Random(DuplicateSeed);
        for (var k = 0; k < ContactsKeyedTwice.Length; k++)
        {
            var original = Contacts.Rows[ContactsKeyedTwice[k]];
            var copy = (string?[])original.Clone();
            copy[0] = ContactId(_people.Count + k);
            var person = _people[ContactsKeyedTwice[k]];
            switch (k % 4)
            {
                case 0:
                    copy[1] = CapitalisedEmail(person.Email);
                    copy[2] = person.FirstName.ToLowerInvariant();
                    copy[4] = DemoPhones.Written(person.Phone, random);
                    break;
                case 1:
                    copy[3] = DemoNoise.Typo(person.LastName, random);
                    break;
                case 2:
                    copy[1] = MistypedDomain(person.Email) ?? CapitalisedEmail(person.Email);
                    break;
                default:
                    copy[4] = null;
                    copy[5] = "subscriber";
                    copy[7] = null;
                    break;
            }
            (copy[9], copy[10]) = SecondEntry(random);
            Contacts.Add(copy);
            _duplicates.Add(("contacts", original[0]!, copy[0]!));
        }
        foreach (var index in CompaniesKeyedTwice)
        {
            var copy = (string?[])Companies.Rows[index].Clone();
            copy[0] = CompanyId(Companies.Rows.Count);
            copy[1] = DemoNames.Companies[index].Name + " Limited";
            (copy[6], copy[7]) = SecondEntry(random);
            Companies.Add(copy);
            _duplicates.Add(("companies", Companies.Rows[index][0]!, copy[0]!));
        }
        foreach (var index in CustomersWithTwoAccounts)
        {
            var copy = (string?[])Customers.Rows[index].Clone();
            copy[0] = Number(10_001 + Customers.Rows.Count);
            copy[1] = CapitalisedEmail(_people[index].Email);
            copy[4] = DemoPhones.Written(_people[index].Phone, random);
            (copy[5], copy[6]) = SecondEntry(random);
            Customers.Add(copy);
            _duplicates.Add(("customers", Customers.Rows[index][0]!, copy[0]!));
        }
    }

    /// <summary>"olivia.hughes@gmail.com" → "Olivia.Hughes@Gmail.Com": the same address, typed by hand.</summary>
    private static string CapitalisedEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return Capitals(email[..at]) + "@" + Capitals(email[(at + 1)..]);
    }

    private static string Capitals(string text) =>
        string.Join('.', text.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>The address with its personal domain mistyped (gmial.com), or null for a domain without a known slip.</summary>
    private static string? MistypedDomain(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var domain = email[(at + 1)..];
        var typo = Array.Find(DemoNames.DomainTypos, t => t.Right == domain);
        return typo.Wrong is null ? null : email[..(at + 1)] + typo.Wrong;
    }

    /// <summary>Created and updated times of a second entry: some weeks to two years ago.</summary>
    private (string Created, string Updated) SecondEntry(Random random)
    {
        var created = 20 + (random.NextDouble() * 700);
        var updated = created * random.NextDouble();
        return (ConnectorTime.UtcText(_now.AddDays(-created)), ConnectorTime.UtcText(_now.AddDays(-updated)));
    }
}
