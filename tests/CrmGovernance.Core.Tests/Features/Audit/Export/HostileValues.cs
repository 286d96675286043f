using System.Text;

namespace CrmGovernance.Core.Tests.Features.Audit.Export;

/// <summary>Values a spreadsheet could evaluate, a reader could alter or a cell could not hold.</summary>
internal static class HostileValues
{
    public static readonly string LongUnicode = BuildLongUnicode(10_000);

    public static readonly string[] All =
    [
        "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tleading tab", "\rcarriage return", "\nline feed",
        "_x0041_", "a_x0041_b_X0042_", "  spaced both ends  ", "<b>&amp;</b> \"quoted\" 'single'", "two\r\nlines\nand\rmore",
        "bell\u0007 and nul-free control\u001F", "12", "TRUE", "2026-01-01", "=1+1", "\u00A0non-breaking", LongUnicode,
    ];

    /// <summary>The values ClosedXML 0.95.4 writes and reads back unchanged (no carriage return, no "_xHHHH_" text).</summary>
    public static readonly string[] StyledCanCarry =
        [.. All.Where(v => !v.Contains('\r', StringComparison.Ordinal) && !System.Text.RegularExpressions.Regex.IsMatch(v, "_[xX][0-9A-Fa-f]{4}_"))];

    /// <summary>Emoji (surrogate pairs), CJK, combining marks and right-to-left text, cut only between whole characters.</summary>
    private static string BuildLongUnicode(int length)
    {
        string[] parts = ["Zoë ", "😀 ", "漢字かな ", "e\u0301\u0323 ", "שלום ", "👩‍💻 ", "Ünïcödé "];
        var text = new StringBuilder();
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(parts[i % parts.Length]);
        }
        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text.ToString(0, cut);
    }
}
