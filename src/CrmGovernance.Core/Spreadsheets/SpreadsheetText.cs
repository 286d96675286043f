using System.Globalization;

namespace CrmGovernance.Core.Spreadsheets;

/// <summary>The rules every Excel and CSV export applies to text, whatever writes the file.</summary>
public static class SpreadsheetText
{
    /// <summary>Excel's limit of characters in one cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>Text a spreadsheet could take for a formula: =, +, -, @, or a leading tab or line break.</summary>
    public static bool IsRisky(string? value) =>
        !string.IsNullOrEmpty(value) && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    /// <summary>
    /// A CSV field a spreadsheet will not evaluate: risky text gets a leading apostrophe (CSV has no cell types, so
    /// the apostrophe is the only defence), then the field is quoted when it holds the delimiter, a quote or a line break.
    /// </summary>
    public static string CsvField(string? value, char delimiter = ',')
    {
        var text = value ?? "";
        if (IsRisky(text))
        {
            text = "'" + text;
        }
        return text.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// The text as it fits in one cell: unchanged up to <see cref="MaxCellLength"/>; longer text is cut (never inside a
    /// surrogate pair) and ends with a note of the full length, so the cut is visible.
    /// </summary>
    public static string FitCell(string value)
    {
        if (value.Length <= MaxCellLength)
        {
            return value;
        }
        var note = string.Create(CultureInfo.InvariantCulture, $" … [cut: {value.Length:N0} characters in full]");
        var keep = MaxCellLength - note.Length;
        if (char.IsHighSurrogate(value[keep - 1]))
        {
            keep--;
        }
        return string.Concat(value.AsSpan(0, keep), note);
    }

    /// <summary>True when <see cref="FitCell"/> has to cut the value.</summary>
    public static bool IsTooLong(string? value) => value is not null && value.Length > MaxCellLength;
}
