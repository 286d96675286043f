using System.Globalization;
using CrmGovernance.Benchmarks.Matching;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>
/// The values of the assessed contacts, as a CRM that several teams and imports have written to has them: mostly
/// well-formed, with the usual drift (national phone spellings, day-first dates, postcodes without their space, web
/// addresses without a scheme) and some junk. Null is an empty cell; some cells hold an empty or blank string instead.
/// </summary>
internal static class QualityValues
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly string[] Junk = ["n/a", "-", "unknown", "TBC", "?", "none", "x"];
    private static readonly string[] JobTitles =
        ["Head of Marketing", "CRM Manager", "Sales Director", "Chief Revenue Officer", "Marketing Operations Lead", "Account Executive",
         "Office Manager", "Finance Director", "Procurement Officer", "Senior Vice President, Global Customer Experience", "Data Steward",
         "Founder & CEO", "IT Manager", "HR Business Partner", "Operations Analyst", "Customer Success Manager", "Buyer", "Engineer"];
    private static readonly string[] Notes =
        ["Met at the Birmingham trade show, interested in the premium plan.", "Called back, asked for a quote by Friday.",
         "Prefers email; do not call before 10am.", "Renewal discussed, budget approved for next year.", "Left the company? Email bounced once.",
         "Duplicate of an older record, kept this one.", "Requested a demo for the wider team.", "VIP: escalate any support ticket.",
         "Unsubscribed from the newsletter but wants product updates.", "Spoke to the assistant, call again next week."];
    private static readonly string[] CompanyEndings = [" Ltd", " Limited", " plc", " Group", " & Co", " LLP", ""];

    /// <summary>An empty cell in one of its spellings: mostly null, sometimes "" or blanks.</summary>
    public static string? Empty(Random random) => random.Next(10) switch { 0 => "", 1 => "  ", _ => null };

    public static bool Chance(Random random, double percent) => random.NextDouble() * 100 < percent;

    public static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>A unique personal or work address; 2 % junk ("at" for "@", no dot in the domain, a placeholder).</summary>
    public static string Email(Random random, ContactRow row, string tag)
    {
        var mail = Places.MailDomains[Weights.Pick(random, Places.MailWeights, Places.MailTotal)].Domain;
        var domain = mail == "work" ? Places.WorkDomain(random, row.Employer) : mail;
        var local = string.Create(C, $"{row.First}.{row.Last}{tag}{row.Index}").ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        return random.Next(100) switch
        {
            0 => local + " at " + domain,
            1 => random.Next(2) == 0 ? local + "@" + row.Employer : Pick(random, Junk),
            _ => local + "@" + domain,
        };
    }

    /// <summary>
    /// A GB number: 80 % E.164, 16 % a national or spaced spelling the region's plan reads ("020 7946 0123",
    /// "07911 123456", "+44 20 7946 0123", "0044 7911 123456"), 4 % not a number at all.
    /// </summary>
    public static string Phone(Random random, ContactRow row, bool mobile)
    {
        var area = row.Town.DiallingCode[1..];
        var local = random.Next(mobile ? 1_000_000 : 10_000);
        var roll = random.Next(100);
        return (roll, mobile) switch
        {
            ( < 80, true) => string.Create(C, $"+447911{local:D6}"),
            ( < 80, false) => string.Create(C, $"+44{area}946{local:D4}"),
            ( < 86, true) => string.Create(C, $"07911 {local:D6}"),
            ( < 86, false) => string.Create(C, $"0{area} 946 {local:D4}"),
            ( < 92, _) => string.Create(C, $"+44 {area} 946 {local % 10_000:D4}"),
            ( < 96, _) => string.Create(C, $"0044 7911 {local % 1_000_000:D6}"),
            _ => random.Next(3) switch { 0 => "ext. 214", 1 => Pick(random, Junk), _ => string.Create(C, $"{local % 1000}") },
        };
    }

    /// <summary>A date within <paramref name="years"/> before the anchor: 90 % ISO, 8 % day-first, 2 % no date ("31/02/2021", "soon").</summary>
    public static string Date(Random random, DateTime anchor, int years)
    {
        var date = anchor.AddDays(-random.Next(365 * years));
        return random.Next(50) switch
        {
            < 45 => date.ToString("yyyy-MM-dd", C),
            < 48 => date.ToString("dd/MM/yyyy", C),
            48 => date.ToString("d MMM yyyy", C),
            _ => random.Next(2) == 0 ? string.Create(C, $"31/02/{date.Year}") : "soon",
        };
    }

    /// <summary>An instant in the last two years, ISO 8601 in UTC, sometimes with its offset or without the seconds.</summary>
    public static string DateTimeValue(Random random, DateTime anchor)
    {
        var instant = anchor.AddSeconds(-random.Next(2 * 365 * 86_400));
        return random.Next(20) switch
        {
            0 => instant.ToString("yyyy-MM-dd HH:mm", C),
            1 => instant.ToString("yyyy-MM-ddTHH:mm:ss+01:00", C),
            _ => instant.ToString("yyyy-MM-ddTHH:mm:ssZ", C),
        };
    }

    /// <summary>The town's postcode: 8 % without the space, 2 % lower case, 2 % foreign ("75008", "D02 X285").</summary>
    public static string Postcode(Random random, ContactRow row)
    {
        var postcode = Places.Postcode(random, row.Town);
        return random.Next(50) switch
        {
            < 4 => postcode.Replace(" ", "", StringComparison.Ordinal),
            4 => postcode.ToLowerInvariant(),
            5 => random.Next(2) == 0 ? string.Create(C, $"{75000 + random.Next(21):D5}") : "D02 X285",
            _ => postcode,
        };
    }

    /// <summary>The employer's site: "https://www.…", 15 % without a scheme ("www.…"), 3 % not an address ("see LinkedIn").</summary>
    public static string Website(Random random, ContactRow row)
    {
        var domain = Places.WorkDomain(random, row.Employer);
        return random.Next(100) switch
        {
            < 12 => "www." + domain,
            < 15 => domain,
            < 18 => random.Next(2) == 0 ? "see LinkedIn" : "http//" + domain,
            < 30 => "http://www." + domain,
            _ => "https://www." + domain + (random.Next(4) == 0 ? "/contact" : ""),
        };
    }

    public static string LinkedIn(Random random, ContactRow row) =>
        (random.Next(10) == 0 ? "linkedin.com/in/" : "https://www.linkedin.com/in/") + (row.First + "-" + row.Last).ToLowerInvariant().Replace(' ', '-');

    public static string Company(Random random, ContactRow row) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(row.Employer) + Pick(random, CompanyEndings);

    public static string JobTitle(Random random) => Pick(random, JobTitles);

    /// <summary>One to three sentences of a salesperson's notes.</summary>
    public static string Note(Random random) => random.Next(3) switch
    {
        0 => Pick(random, Notes),
        1 => Pick(random, Notes) + " " + Pick(random, Notes),
        _ => Pick(random, Notes) + " " + Pick(random, Notes) + " " + Pick(random, Notes),
    };

    public static string Street(Random random, ContactRow row) =>
        string.Create(C, $"{1 + random.Next(250)} {row.Last} {Pick(random, ["Road", "Street", "Lane", "Avenue", "Close", "Way"])}");

    /// <summary>A whole number up to <paramref name="max"/>: mostly plain, sometimes with thousands separators or a decimal part.</summary>
    public static string Number(Random random, int max) => random.Next(20) switch
    {
        0 => random.Next(max).ToString("N0", C),
        1 => (random.Next(max * 10) / 10.0).ToString("0.0", C),
        _ => random.Next(max).ToString(C),
    };
}
