using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// The defects years of hand entry and old imports leave in a CRM, so that a first data-quality assessment finds
/// something: lifecycle stages spelt as people or an old import wrote them, phones in national spellings and a few that
/// are not numbers at all, malformed emails, and contacts nobody has touched for years. (The contacts' fax column, in
/// the catalog, nobody fills; the companies' countries already drift from the catalog's list.) They are drawn from a
/// random stream of their own and never touch a contact keyed in twice, so the rest of the demo data and the duplicate
/// scans stay as they were.
/// </summary>
internal sealed partial class DemoDataSet
{
    private const int DefectSeed = 5_407;

    /// <summary>Contacts (by index) whose email was mistyped beyond use.</summary>
    private static readonly int[] MalformedEmails = [17, 58, 101, 142];

    private static readonly Dictionary<string, string[]> DriftedStages = new(StringComparer.Ordinal)
    {
        ["subscriber"] = ["Subscriber", "newsletter"],
        ["lead"] = ["Lead", "MQL", "lead "],
        ["customer"] = ["Customer", "client", "CUSTOMER"],
        ["churned"] = ["Churned", "former customer"],
    };

    private void AddDefects()
    {
        var random = new Random(DefectSeed);
        for (var i = 0; i < _people.Count; i++)
        {
            if (ContactsKeyedTwice.Contains(i))
            {
                continue;
            }
            var row = Contacts.Rows[i];
            var person = _people[i];
            // Every draw is made for every contact, so one defect's share never shifts another's.
            var (stale, drifted, phone) = (random.Next(100), random.Next(100), random.Next(100));
            var spelling = random.Next(3);
            var written = DemoPhones.Written(person.Phone, random);
            var unreadable = DemoPhones.Unreadable[random.Next(DemoPhones.Unreadable.Length)];
            var (updatedDays, createdDays) = (800 + (random.NextDouble() * 2_200), random.NextDouble() * 600);
            if (stale < 18)
            {
                // Last touched between two and eight years ago; nothing since, not even a form.
                row[9] = ConnectorTime.UtcText(_now.AddDays(-(updatedDays + createdDays)));
                row[10] = ConnectorTime.UtcText(_now.AddDays(-updatedDays));
                row[7] = null;
            }
            if (drifted < 12 && row[5] is { } stage)
            {
                var spellings = DriftedStages[stage];
                row[5] = spellings[spelling % spellings.Length];
            }
            if (row[4] is not null)
            {
                row[4] = phone switch { < 35 => written, < 39 => unreadable, _ => row[4] };
            }
            if (MalformedEmails.Contains(i))
            {
                row[1] = Malformed(person.Email, Array.IndexOf(MalformedEmails, i));
            }
        }
    }

    /// <summary>The address as a hurried hand leaves it: no dot in the domain, no @, two of them, or a space.</summary>
    private static string Malformed(string email, int kind)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return (kind % 4) switch
        {
            0 => email[..at] + "@" + email[(at + 1)..].Replace(".", "", StringComparison.Ordinal),
            1 => email.Replace("@", ".", StringComparison.Ordinal),
            2 => email.Replace("@", "@@", StringComparison.Ordinal),
            _ => email[..at] + " @" + email[(at + 1)..],
        };
    }
}
