using System.Globalization;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>Where people live (UK towns weighted roughly by population) and the mail providers their addresses use.</summary>
internal static class Places
{
    public static readonly Town[] Towns =
    [
        new("London", ["E", "EC", "N", "NW", "SE", "SW", "W", "WC"], "020", 90), new("Birmingham", ["B"], "0121", 12),
        new("Manchester", ["M"], "0161", 10), new("Leeds", ["LS"], "0113", 8), new("Glasgow", ["G"], "0141", 8),
        new("Liverpool", ["L"], "0151", 6), new("Sheffield", ["S"], "0114", 6), new("Bristol", ["BS"], "0117", 6),
        new("Edinburgh", ["EH"], "0131", 6), new("Cardiff", ["CF"], "029", 4), new("Belfast", ["BT"], "028", 4),
        new("Leicester", ["LE"], "0116", 4), new("Nottingham", ["NG"], "0115", 4), new("Newcastle upon Tyne", ["NE"], "0191", 4),
        new("Coventry", ["CV"], "024", 3), new("Bradford", ["BD"], "01274", 3), new("Kingston upon Hull", ["HU"], "01482", 3),
        new("Stoke-on-Trent", ["ST"], "01782", 3), new("Southampton", ["SO"], "023", 3), new("Portsmouth", ["PO"], "023", 3),
        new("Plymouth", ["PL"], "01752", 3), new("Derby", ["DE"], "01332", 3), new("Reading", ["RG"], "0118", 2),
        new("Wolverhampton", ["WV"], "01902", 2), new("Milton Keynes", ["MK"], "01908", 2), new("Norwich", ["NR"], "01603", 2),
        new("Swansea", ["SA"], "01792", 2), new("Aberdeen", ["AB"], "01224", 2), new("Brighton", ["BN"], "01273", 2),
        new("Oxford", ["OX"], "01865", 2), new("Cambridge", ["CB"], "01223", 2), new("York", ["YO"], "01904", 2),
        new("Exeter", ["EX"], "01392", 1), new("Dundee", ["DD"], "01382", 1), new("Bath", ["BA"], "01225", 1),
        new("Chester", ["CH"], "01244", 1), new("Ipswich", ["IP"], "01473", 1), new("Preston", ["PR"], "01772", 1),
        new("Sunderland", ["SR"], "0191", 1), new("Middlesbrough", ["TS"], "01642", 1), new("Bournemouth", ["BH"], "01202", 1),
        new("Peterborough", ["PE"], "01733", 1), new("Luton", ["LU"], "01582", 1), new("Inverness", ["IV"], "01463", 1),
        new("Llandudno", ["LL"], "01492", 1), new("Carlisle", ["CA"], "01228", 1), new("Lincoln", ["LN"], "01522", 1),
    ];

    public static readonly int[] TownWeights = Towns.Select(t => t.Weight).ToArray();
    public static readonly int TownTotal = TownWeights.Sum();

    /// <summary>Mail providers, weighted roughly by their UK share; "work" stands for an employer's own domain.</summary>
    public static readonly (string Domain, int Weight)[] MailDomains =
    [
        ("gmail.com", 30), ("hotmail.co.uk", 9), ("hotmail.com", 7), ("outlook.com", 8), ("yahoo.co.uk", 6), ("yahoo.com", 3),
        ("icloud.com", 6), ("btinternet.com", 5), ("live.co.uk", 3), ("sky.com", 3), ("aol.com", 2), ("virginmedia.com", 2),
        ("googlemail.com", 2), ("me.com", 1), ("protonmail.com", 1), ("work", 12),
    ];

    public static readonly int[] MailWeights = MailDomains.Select(d => d.Weight).ToArray();
    public static readonly int MailTotal = MailWeights.Sum();

    /// <summary>The misspelt domains people really type (and some mail systems still accept).</summary>
    public static readonly Dictionary<string, string[]> DomainTypos = new(StringComparer.Ordinal)
    {
        ["gmail.com"] = ["gmial.com", "gmail.co", "gmai.com", "gmail.co.uk", "gnail.com", "gmaill.com"],
        ["hotmail.co.uk"] = ["hotmial.co.uk", "hotmail.com", "hotmail.co", "hotmal.co.uk"],
        ["hotmail.com"] = ["hotmial.com", "hotmail.co.uk", "hotmil.com", "homail.com"],
        ["outlook.com"] = ["outlok.com", "outloook.com", "outlook.co.uk"],
        ["yahoo.co.uk"] = ["yaho.co.uk", "yahoo.com", "yahooo.co.uk"],
        ["yahoo.com"] = ["yaho.com", "yahoo.co.uk", "yhaoo.com"],
        ["icloud.com"] = ["iclod.com", "icloud.co.uk", "icoud.com"],
        ["btinternet.com"] = ["btinternet.co.uk", "btinterent.com", "btinternett.com"],
    };

    private static readonly string[] WorkWords = ["consulting", "group", "solutions", "partners", "logistics", "health", "digital", "legal", "foods", "energy"];
    private static readonly string[] WorkEndings = [".co.uk", ".com", ".org.uk", ".net", ".uk"];

    /// <summary>An employer's domain, e.g. "ashford-logistics.co.uk".</summary>
    public static string WorkDomain(Random random, string word) =>
        word + "-" + WorkWords[random.Next(WorkWords.Length)] + WorkEndings[random.Next(WorkEndings.Length)];

    /// <summary>A postcode in one of the town's areas, e.g. "LS6 2AB" (inward letters without C I K M O V, as Royal Mail's).</summary>
    public static string Postcode(Random random, Town town)
    {
        const string inwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
        var area = town.PostcodeAreas[random.Next(town.PostcodeAreas.Length)];
        var district = random.Next(1, area.Length == 1 ? 40 : 30);
        return string.Create(CultureInfo.InvariantCulture,
            $"{area}{district} {random.Next(10)}{inwardLetters[random.Next(inwardLetters.Length)]}{inwardLetters[random.Next(inwardLetters.Length)]}");
    }
}
