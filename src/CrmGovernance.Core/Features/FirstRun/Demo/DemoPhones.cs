using System.Globalization;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>UK phone numbers (mobiles, and Ofcom's drama ranges for landlines) and the many ways people type them.</summary>
internal static class DemoPhones
{
    private static readonly string[] Mobiles = ["07912", "07400", "07501", "07723", "07766", "07824", "07956", "07388", "07809", "07440", "07539"];
    private static readonly (string Area, string Exchange)[] Landlines =
        [("020", "79460"), ("0161", "4960"), ("0113", "4960"), ("0117", "4960"), ("0131", "4960"), ("0121", "4960"), ("0141", "4960"), ("0191", "4980")];

    /// <summary>Numbers the flows must reject: too short, or not a number at all.</summary>
    public static readonly string[] Unreadable = ["12345", "0791 234", "call me after 5", "n/a", "+44"];

    /// <summary>National digits with the leading 0, e.g. 07912345678 or 02079460018.</summary>
    public static string Number(Random random)
    {
        if (random.Next(3) > 0)
        {
            return Mobiles[random.Next(Mobiles.Length)] + random.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        }
        var (area, exchange) = Landlines[random.Next(Landlines.Length)];
        return area + exchange + random.Next(1_000).ToString("D3", CultureInfo.InvariantCulture);
    }

    /// <summary>The number as someone might type it: spaces, dashes, dots, brackets, +44, 0044 or (0).</summary>
    public static string Written(string national, Random random)
    {
        var areaLength = national.StartsWith("07", StringComparison.Ordinal) ? 5 : national.StartsWith("020", StringComparison.Ordinal) ? 3 : 4;
        var area = national[..areaLength];
        var rest = national[areaLength..];
        var (a, b) = rest.Length == 8 ? (rest[..4], rest[4..]) : rest.Length == 7 ? (rest[..3], rest[3..]) : (rest[..3], rest[3..]);
        return random.Next(11) switch
        {
            0 => $"{area} {a}{b}",
            1 => $"({area}) {a} {b}",
            2 => $"{area}-{a}-{b}",
            3 => $"{area}.{a}.{b}",
            4 => $"+44 {area[1..]} {a} {b}",
            5 => $"+44 (0){area[1..]} {a} {b}",
            6 => $"0044 {area[1..]} {a} {b}",
            7 => national,
            8 => "+44" + national[1..],
            9 => $" {area}  {a} {b} ",
            _ => $"{area} {a} {b}",
        };
    }
}
