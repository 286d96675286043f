namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// The demo's people, the same on every machine (fixed seeds): the CRM's contacts, the shop's customers who are not in
/// the CRM, and the visitors who fill in the website's form for the first time.
/// </summary>
public static class DemoPeople
{
    public const int Seed = 20_260_302;
    public const int CrmCount = 160;

    private static readonly Lazy<IReadOnlyList<DemoPerson>> CrmPeople = new(() => Generate(new Random(Seed), CrmCount, companyShare: 0.4));

    /// <summary>The CRM's contacts (clean emails, unique).</summary>
    public static IReadOnlyList<DemoPerson> Crm => CrmPeople.Value;

    /// <summary>A shop customer who never reached the CRM.</summary>
    public static DemoPerson ShopOnly(int index) => Person(new Random(SeedFor(1, index)), companyShare: 0, digits: true);

    /// <summary>The n-th new visitor of the website (the same n always gives the same person).</summary>
    public static DemoPerson Visitor(int n) => Person(new Random(SeedFor(2, n)), companyShare: 0.25, digits: true);

    /// <summary>A company's email domain: fictitious, under the reserved .example top-level domain.</summary>
    public static string Domain(int company) => DemoNoise.Plain(DemoNames.Companies[company].Name) + ".example";

    /// <summary>A fixed seed per stream and index (HashCode.Combine would differ per process).</summary>
    internal static int SeedFor(int stream, int index) => unchecked(Seed + (stream * 1_000_003) + (index * 7_919));

    private static List<DemoPerson> Generate(Random random, int count, double companyShare)
    {
        var people = new List<DemoPerson>(count);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        while (people.Count < count)
        {
            var person = Person(random, companyShare, digits: false);
            if (emails.Add(person.Email))
            {
                people.Add(person);
            }
        }
        return people;
    }

    private static DemoPerson Person(Random random, double companyShare, bool digits)
    {
        var first = DemoNames.FirstNames[random.Next(DemoNames.FirstNames.Length)];
        var last = DemoNames.LastNames[random.Next(DemoNames.LastNames.Length)];
        int? company = random.NextDouble() < companyShare ? random.Next(DemoNames.Companies.Length) : null;
        var (f, l) = (DemoNoise.Plain(first), DemoNoise.Plain(last));
        var local = random.Next(6) switch
        {
            0 => f + l,
            1 => f[0] + "." + l,
            2 => f + "_" + l,
            3 => f + l[0],
            _ => f + "." + l,
        };
        if (digits && company is null && random.Next(3) == 0)
        {
            local += random.Next(1, 99).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var domain = company is { } c ? Domain(c) : DemoNames.PersonalDomains[random.Next(DemoNames.PersonalDomains.Length)];
        return new DemoPerson(first, last, local + "@" + domain, DemoPhones.Number(random), company);
    }
}
