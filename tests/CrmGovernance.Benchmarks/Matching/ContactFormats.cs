using System.Globalization;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>How systems write a person down: phone numbers and dates in the spellings UK forms and CRMs produce.</summary>
internal static class ContactFormats
{
    public const int PhoneStyles = 8;
    public const int DobStyles = 7;

    /// <summary>A record as the person's first system holds it: mostly tidy, with the case noise of hand-typed forms.</summary>
    public static ContactValues Original(Person person, Random random)
    {
        var first = person.FirstName;
        var last = person.LastName;
        if (random.Next(100) < 3)
        {
            (first, last) = random.Next(2) == 0 ? (first.ToLowerInvariant(), last.ToLowerInvariant()) : (first.ToUpperInvariant(), last.ToUpperInvariant());
        }
        return new ContactValues(first, last, person.Email, Phone(person.Phone, random.Next(PhoneStyles)),
            Dob(person.Dob, random.Next(100) < 85 ? 0 : 1), person.Town?.Name, person.Postcode);
    }

    /// <summary>
    /// One of the common spellings of a national number "07911 123456": as given, digits only, +44 with or without spaces,
    /// 0044, the code in brackets, +44 (0), dashes.
    /// </summary>
    public static string? Phone(string? national, int style)
    {
        if (national is null)
        {
            return null;
        }
        var space = national.IndexOf(' ', StringComparison.Ordinal);
        var code = national[..space];
        var number = national[(space + 1)..];
        // Long numbers are read out in two groups ("7946 0123").
        var grouped = number.Length == 8 ? $"{number[..4]} {number[4..]}" : number;
        return style switch
        {
            0 => $"{code} {grouped}",
            1 => code + number,
            2 => $"+44 {code[1..]} {grouped}",
            3 => $"+44{code[1..]}{number}",
            4 => $"0044 {code[1..]} {grouped}",
            5 => $"({code}) {grouped}",
            6 => $"+44 (0){code[1..]} {grouped}",
            _ => $"{code}-{number[..3]}-{number[3..]}",
        };
    }

    /// <summary>
    /// A birth date as ISO, day-first with slashes, day-first without leading zeros, with dots, digits only, with dashes,
    /// or with the month's short name.
    /// </summary>
    public static string? Dob(DateOnly? dob, int style) => dob?.ToString(style switch
    {
        0 => "yyyy-MM-dd",
        1 => "dd/MM/yyyy",
        2 => "d/M/yyyy",
        3 => "dd.MM.yyyy",
        4 => "yyyyMMdd",
        5 => "dd-MM-yyyy",
        _ => "d MMM yyyy",
    }, CultureInfo.InvariantCulture);
}
