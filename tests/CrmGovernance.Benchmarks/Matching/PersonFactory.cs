using System.Globalization;
using System.Text;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// New synthetic people: a skewed first name, a surname, a town and postcode, a birth date from 1940 to 2006, a mobile
/// or landline number, and an email built from the name the way people build theirs, unique across everyone made by
/// this factory. Some people are another's household member: same surname and address, often the same landline,
/// sometimes a twin (same birth date) — the near misses a matcher must not merge.
/// </summary>
internal sealed class PersonFactory(Random random)
{
    private static readonly double FirstNameTotal = Weights.Harmonic(FirstNames.All.Length, offset: 20);
    private static readonly DateOnly OldestBirth = new(1940, 1, 1);
    private readonly Dictionary<string, string> _surnames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);

    public int Households { get; private set; }

    public int Twins { get; private set; }

    public int DistinctSurnames => _surnames.Count;

    public Person NewPerson()
    {
        var first = FirstName();
        var last = Surnames.Pick(random, _surnames);
        var town = random.Next(100) < 3 ? null : Places.Towns[Weights.Pick(random, Places.TownWeights, Places.TownTotal)];
        var dob = random.Next(100) < 8 ? (DateOnly?)null : BirthDate();
        return new Person(first, last, random.Next(100) < 6 ? null : Email(first, last, dob), random.Next(100) < 12 ? null : Phone(town),
            dob, town, town is null || random.Next(100) < 5 ? null : Places.Postcode(random, town));
    }

    /// <summary>Someone living with <paramref name="other"/>: their surname and address, another first name, half the time their landline.</summary>
    public Person HouseholdMember(Person other)
    {
        Households++;
        var twin = other.Dob is not null && random.Next(100) < 5;
        Twins += twin ? 1 : 0;
        var first = FirstName();
        // Two people of one household (twins above all) are not given the same first name.
        while (first == other.FirstName)
        {
            first = FirstName();
        }
        var dob = twin ? other.Dob : BirthDate();
        var sharesPhone = other.Phone is not null && !other.Phone.StartsWith("07", StringComparison.Ordinal) && random.Next(2) == 0;
        return new Person(first, other.LastName, Email(first, other.LastName, dob), sharesPhone ? other.Phone : Phone(other.Town), dob, other.Town, other.Postcode);
    }

    /// <summary>A second address of the same person (work and home), built from their name with another provider.</summary>
    public string AnotherEmail(Person person) => Email(person.FirstName, person.LastName, person.Dob);

    private string FirstName() => FirstNames.All[Weights.ZipfIndex(random, FirstNames.All.Length, 20, FirstNameTotal)];

    private DateOnly BirthDate() => OldestBirth.AddDays(random.Next(67 * 365));

    /// <summary>A mobile (two thirds) or a landline of the person's town.</summary>
    private string Phone(Town? town)
    {
        var c = CultureInfo.InvariantCulture;
        if (town is null || random.Next(3) > 0)
        {
            return string.Create(c, $"07{random.Next(100, 1000)} {random.Next(1_000_000):D6}");
        }
        var digits = 11 - town.DiallingCode.Length;
        var first = random.Next(2, 10);
        var rest = random.NextInt64((long)Math.Pow(10, digits - 1));
        return string.Create(c, $"{town.DiallingCode} {first}{rest.ToString("D" + (digits - 1), c)}");
    }

    private string Email(string first, string last, DateOnly? dob)
    {
        var (domain, _) = Places.MailDomains[Weights.Pick(random, Places.MailWeights, Places.MailTotal)];
        if (domain == "work")
        {
            domain = Places.WorkDomain(random, Letters(Surnames.Pick(random, _surnames)));
        }
        var f = Letters(first);
        var l = Letters(last);
        var year = (dob ?? new DateOnly(1980 + random.Next(20), 1, 1)).Year;
        var c = CultureInfo.InvariantCulture;
        var local = random.Next(100) switch
        {
            < 30 => $"{f}.{l}",
            < 40 => f + l,
            < 50 => $"{f[0]}.{l}",
            < 58 => f[0] + l,
            < 63 => $"{f}_{l}",
            < 75 => string.Create(c, $"{f}.{l}{year % 100:D2}"),
            < 83 => string.Create(c, $"{f}{random.Next(1, 1000)}"),
            < 88 => $"{l}.{f}",
            < 94 => string.Create(c, $"{f}{l}{year}"),
            _ => $"{f}{l[0]}",
        };
        var email = $"{local}@{domain}";
        while (!_emails.Add(Mailbox(email)))
        {
            email = string.Create(c, $"{local}{random.Next(1, 1000)}@{domain}");
        }
        return email;
    }

    /// <summary>The mailbox an address reaches: Gmail ignores dots and treats googlemail.com as gmail.com, so two people never hold "j.smith@gmail.com" and "jsmith@googlemail.com".</summary>
    private static string Mailbox(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var domain = email[(at + 1)..];
        return domain is "gmail.com" or "googlemail.com" ? email[..at].Replace(".", "", StringComparison.Ordinal) + "@gmail.com" : email;
    }

    /// <summary>The lower-case ASCII letters of a name, as an email address has them ("O'Brien" → "obrien").</summary>
    private static string Letters(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(ch))
            {
                text.Append(char.ToLowerInvariant(ch));
            }
        }
        return text.ToString();
    }
}
