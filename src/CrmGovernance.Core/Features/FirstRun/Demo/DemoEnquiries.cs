using System.Globalization;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// The simulated website's form submissions, as a browser posts them (form fields, names and emails as typed). The n-th
/// enquiry is always the same; the first ones are scripted so that a fresh demo shows every outcome within seconds.
/// </summary>
public static class DemoEnquiries
{
    /// <summary>Where the website posts its form: the demo's website system and the contact object.</summary>
    public const string InboundPath = "api/inbound/website/contact";

    private static readonly DemoEnquiryKind[] Scripted =
    [
        DemoEnquiryKind.NewVisitor, DemoEnquiryKind.KnownContact, DemoEnquiryKind.MissingLastName, DemoEnquiryKind.InvalidEmail,
        DemoEnquiryKind.OverlongFirstName, DemoEnquiryKind.DoubleSubmit, DemoEnquiryKind.KnownContact, DemoEnquiryKind.NewVisitor,
        DemoEnquiryKind.UnreadablePhone, DemoEnquiryKind.DomainTypo,
    ];

    private static readonly (DemoEnquiryKind Kind, int Weight)[] Weights =
    [
        (DemoEnquiryKind.NewVisitor, 30), (DemoEnquiryKind.KnownContact, 22), (DemoEnquiryKind.ReturningVisitor, 12), (DemoEnquiryKind.DoubleSubmit, 6),
        (DemoEnquiryKind.MissingLastName, 8), (DemoEnquiryKind.InvalidEmail, 6), (DemoEnquiryKind.UnreadablePhone, 4),
        (DemoEnquiryKind.OverlongFirstName, 5), (DemoEnquiryKind.DomainTypo, 7),
    ];

    private static readonly string[] Pages = ["/contact", "/contact", "/pricing", "/support", "/products/garden-office"];
    private static readonly string[] Sources = ["google", "newsletter", "linkedin", "facebook"];

    /// <summary>Where to carry on after a restart: the number of website contacts the inbox holds (so new visitors stay new).</summary>
    public static async Task<int> SentSoFarAsync(IDbContextFactory<CrmDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboxItems.CountAsync(i => i.SystemKey == "website" && i.ObjectKey == "contact", cancellationToken);
    }

    /// <summary>How many enquiries are scripted: they follow each other quickly.</summary>
    public static int ScriptedCount => Scripted.Length;

    public static DemoEnquiryKind KindOf(int n)
    {
        if (n < Scripted.Length)
        {
            return Scripted[n];
        }
        var pick = new Random(DemoPeople.SeedFor(3, n)).Next(Weights.Sum(w => w.Weight));
        foreach (var (kind, weight) in Weights)
        {
            if ((pick -= weight) < 0)
            {
                return kind;
            }
        }
        return DemoEnquiryKind.NewVisitor;
    }

    /// <summary>The posts of the n-th enquiry (two for a double submission), form fields in the order a browser sends them.</summary>
    public static IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Posts(int n, DateTime nowUtc)
    {
        var kind = KindOf(n);
        var random = new Random(DemoPeople.SeedFor(4, n));
        // A misspelt domain is typed by someone the CRM already knows: the match rule should recognise them.
        var person = kind is DemoEnquiryKind.KnownContact or DemoEnquiryKind.DomainTypo ? DemoPeople.Crm[random.Next(DemoPeople.Crm.Count)]
            : kind is DemoEnquiryKind.ReturningVisitor ? Returning(n, random)
            : DemoPeople.Visitor(n);
        var email = kind switch
        {
            DemoEnquiryKind.InvalidEmail => Invalid(person.Email, random),
            DemoEnquiryKind.DomainTypo => Misspelt(person.Email, random),
            DemoEnquiryKind.KnownContact or DemoEnquiryKind.ReturningVisitor => DemoNoise.Email(person.Email, random),
            _ => random.Next(4) == 0 ? DemoNoise.Email(person.Email, random) : person.Email,
        };
        var fields = new List<KeyValuePair<string, string>>
        {
            new("first_name", kind == DemoEnquiryKind.OverlongFirstName
                ? DemoNames.OverlongFirstNames[random.Next(DemoNames.OverlongFirstNames.Length)] : DemoNoise.Name(person.FirstName, random)),
            new("last_name", kind == DemoEnquiryKind.MissingLastName ? "" : random.Next(12) == 0 ? DemoNoise.Typo(person.LastName, random) : DemoNoise.Name(person.LastName, random)),
            new("email", email),
            new("phone", kind == DemoEnquiryKind.UnreadablePhone ? DemoPhones.Unreadable[random.Next(DemoPhones.Unreadable.Length)]
                : random.Next(10) == 0 ? "" : DemoPhones.Written(person.Phone, random)),
            new("message", DemoNames.Messages[random.Next(DemoNames.Messages.Length)]),
            new("submitted_at", SubmittedAt(nowUtc.AddSeconds(-random.Next(2, 40)), random)),
            new("page", Pages[random.Next(Pages.Length)]),
        };
        if (random.Next(2) == 0)
        {
            fields.Add(new("consent", "on"));
        }
        if (random.Next(3) == 0)
        {
            fields.Add(new("utm_source", Sources[random.Next(Sources.Length)]));
        }
        return kind == DemoEnquiryKind.DoubleSubmit ? [fields, fields] : [fields];
    }

    /// <summary>The two ways the form's scripts have written the time over the years: UK local style and ISO 8601.</summary>
    private static string SubmittedAt(DateTime utc, Random random) => random.Next(2) == 0
        ? utc.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
        : utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>An earlier new visitor (or a CRM contact when there is none yet).</summary>
    private static DemoPerson Returning(int n, Random random)
    {
        for (var attempt = 0; attempt < 8 && n > 0; attempt++)
        {
            var earlier = random.Next(n);
            if (KindOf(earlier) is DemoEnquiryKind.NewVisitor or DemoEnquiryKind.DoubleSubmit)
            {
                return DemoPeople.Visitor(earlier);
            }
        }
        return DemoPeople.Crm[random.Next(DemoPeople.Crm.Count)];
    }

    private static string Invalid(string email, Random random)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return random.Next(4) switch
        {
            0 => email[..email.IndexOf('.', at)],
            1 => email[..at] + "@@" + email[(at + 1)..],
            2 => email.Replace("@", " at ", StringComparison.Ordinal),
            _ => email[..at],
        };
    }

    private static string Misspelt(string email, Random random)
    {
        foreach (var (right, wrong) in DemoNames.DomainTypos.Where(t => email.EndsWith("@" + t.Right, StringComparison.Ordinal)))
        {
            return email[..^right.Length] + wrong;
        }
        var (_, typo) = DemoNames.DomainTypos[random.Next(DemoNames.DomainTypos.Length)];
        return email[..email.IndexOf('@', StringComparison.Ordinal)] + "@" + typo;
    }
}
