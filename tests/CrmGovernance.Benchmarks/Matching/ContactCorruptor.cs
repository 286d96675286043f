using System.Globalization;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// Writes a person down again as another system or a second sign-up would: its own phone and date spellings, then one
/// to four corruptions (typos, nickname, swapped names, missing values, another email, …). Counts what it applied.
/// </summary>
internal sealed class ContactCorruptor(Random random, PersonFactory people)
{
    // Relative frequency of each corruption, by its Corruption value.
    private static readonly int[] Frequency = [8, 10, 10, 4, 4, 2, 5, 4, 4, 5, 8, 3, 8, 3, 3, 6, 3, 5, 4, 2, 5];
    private static readonly int FrequencyTotal = Frequency.Sum();
    private static readonly int[] CountWeights = [30, 35, 25, 10];

    private static readonly Dictionary<string, string> CityVariants = new(StringComparer.Ordinal)
    {
        ["London"] = "Greater London", ["Newcastle upon Tyne"] = "Newcastle", ["Kingston upon Hull"] = "Hull",
        ["Stoke-on-Trent"] = "Stoke on Trent", ["Milton Keynes"] = "MK", ["Brighton"] = "Brighton & Hove",
    };

    public long[] Applied { get; } = new long[Frequency.Length];

    public ContactValues Duplicate(Person person)
    {
        var kinds = new SortedSet<Corruption>();
        var wanted = 1 + Weights.Pick(random, CountWeights, 100);
        while (kinds.Count < wanted)
        {
            kinds.Add((Corruption)Weights.Pick(random, Frequency, FrequencyTotal));
        }
        var dobStyle = random.Next(100) < 60 ? 0 : random.Next(ContactFormats.DobStyles);
        var dob = person.Dob;
        var values = new ContactValues(person.FirstName, person.LastName, person.Email,
            ContactFormats.Phone(person.Phone, random.Next(ContactFormats.PhoneStyles)), null, person.Town?.Name, person.Postcode);
        foreach (var kind in kinds)
        {
            Applied[(int)kind]++;
            (values, dob, dobStyle) = Apply(kind, values, dob, dobStyle, person);
        }
        return values with { Dob = dobStyle < 0 ? UsDate(dob) : ContactFormats.Dob(dob, dobStyle) };
    }

    private (ContactValues, DateOnly?, int) Apply(Corruption kind, ContactValues v, DateOnly? dob, int dobStyle, Person person) => kind switch
    {
        Corruption.Nickname => (v with { FirstName = Nickname(v.FirstName) }, dob, dobStyle),
        Corruption.FirstNameTypo => (v with { FirstName = Typo(v.FirstName) }, dob, dobStyle),
        Corruption.LastNameTypo => (v with { LastName = Typo(v.LastName) }, dob, dobStyle),
        Corruption.NameSwap => (v with { FirstName = v.LastName, LastName = v.FirstName }, dob, dobStyle),
        Corruption.NameCase => (v with { FirstName = v.FirstName?.ToUpperInvariant(), LastName = v.LastName?.ToUpperInvariant() }, dob, dobStyle),
        Corruption.FirstNameMissing => (v with { FirstName = null }, dob, dobStyle),
        Corruption.EmailTypo => (v with { Email = EmailLocalTypo(v.Email) }, dob, dobStyle),
        Corruption.EmailDomainTypo => (v with { Email = EmailDomainTypo(v.Email) }, dob, dobStyle),
        Corruption.EmailUpperCase => (v with { Email = random.Next(2) == 0 ? v.Email?.ToUpperInvariant() : Capitalised(v.Email) }, dob, dobStyle),
        // A second address (work and home): a real difference, not a slip.
        Corruption.EmailOther => (v with { Email = people.AnotherEmail(person) }, dob, dobStyle),
        Corruption.EmailMissing => (v with { Email = null }, dob, dobStyle),
        Corruption.PhoneTypo => (v with { Phone = v.Phone is null ? null : DigitTypo(v.Phone) }, dob, dobStyle),
        Corruption.PhoneMissing => (v with { Phone = null }, dob, dobStyle),
        Corruption.DobDayMonthSwap => SwapDayMonth(v, dob, dobStyle),
        Corruption.DobTypo => (v, dob is { } d ? DateTypo(d) : null, dobStyle),
        Corruption.DobMissing => (v, null, dobStyle),
        Corruption.CityVariant => (v with { City = v.City is null ? null : CityVariants.GetValueOrDefault(v.City) ?? Typo(v.City) }, dob, dobStyle),
        Corruption.CityMissing => (v with { City = null }, dob, dobStyle),
        Corruption.PostcodeFormat => (v with { Postcode = random.Next(2) == 0 ? v.Postcode?.Replace(" ", "", StringComparison.Ordinal) : v.Postcode?.ToLowerInvariant() }, dob, dobStyle),
        Corruption.PostcodeTypo => (v with { Postcode = v.Postcode is null ? null : Typos.Apply(v.Postcode, random) }, dob, dobStyle),
        _ => (v with { Postcode = null }, dob, dobStyle),
    };

    private string? Nickname(string? first) =>
        first is not null && FirstNames.Nicknames.TryGetValue(first, out var shortForms) ? shortForms[random.Next(shortForms.Length)] : Typo(first);

    private string? Typo(string? text) => text is null ? null : Typos.Apply(text, random);

    private string? EmailLocalTypo(string? email) =>
        email is null ? null : Typos.Apply(email[..email.IndexOf('@', StringComparison.Ordinal)], random) + email[email.IndexOf('@', StringComparison.Ordinal)..];

    private string? EmailDomainTypo(string? email)
    {
        if (email is null)
        {
            return null;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var domain = email[(at + 1)..];
        return email[..(at + 1)] + (Places.DomainTypos.TryGetValue(domain, out var typos) ? typos[random.Next(typos.Length)] : Typos.Apply(domain, random));
    }

    /// <summary>"john.smith@gmail.com" → "John.Smith@gmail.com", as a form that capitalises names does it.</summary>
    private static string? Capitalised(string? email)
    {
        if (email is null)
        {
            return null;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var parts = email[..at].Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]);
        return string.Join('.', parts) + email[at..];
    }

    private string DigitTypo(string phone)
    {
        var digits = Enumerable.Range(0, phone.Length).Where(i => char.IsAsciiDigit(phone[i])).ToArray();
        var at = digits[random.Next(3, digits.Length)];
        return string.Concat(phone.AsSpan(0, at), ((char)('0' + random.Next(10))).ToString(), phone.AsSpan(at + 1));
    }

    /// <summary>Day and month exchanged; where the day is over 12 the date is written US style, which reads the same way.</summary>
    private static (ContactValues, DateOnly?, int) SwapDayMonth(ContactValues v, DateOnly? dob, int style) =>
        dob is not { } d ? (v, dob, style)
        : d.Day <= 12 && d.Day != d.Month ? (v, new DateOnly(d.Year, d.Day, d.Month), style)
        : (v, d, -1);

    private DateOnly DateTypo(DateOnly d) => random.Next(3) switch
    {
        0 => d.AddDays(random.Next(2) == 0 ? -1 : 1),
        1 => d.AddYears(random.Next(2) == 0 ? -1 : 1),
        // The last two digits of the year exchanged (1985 → 1958), when that is still a plausible year.
        _ => d.Year % 10 != (d.Year / 10) % 10 && (d.Year / 100 * 100) + (d.Year % 10 * 10) + (d.Year / 10 % 10) is var y && y is >= 1920 and <= 2010
            ? new DateOnly(y, d.Month, Math.Min(d.Day, DateTime.DaysInMonth(y, d.Month))) : d.AddDays(1),
    };

    private static string? UsDate(DateOnly? dob) => dob?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
}
