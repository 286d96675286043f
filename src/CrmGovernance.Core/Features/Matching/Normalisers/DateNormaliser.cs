using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// Dates as "yyyy-MM-dd" from the common ways of writing them (ISO, yyyyMMdd, dd/MM/yyyy, dd.MM.yyyy, "24 Jun 1971",
/// …; day first where the order is ambiguous, the date comparator forgives a swap). A value that has the shape of a
/// date but not a real day (19551192) keeps its digits in that shape, since a typo still compares. Null otherwise.
/// </summary>
public static partial class DateNormaliser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyyMMdd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyy-M-d", "yyyy/M/d",
        "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "MM/dd/yyyy", "M/d/yyyy",
        "d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy", "d-MMM-yyyy",
    ];

    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        if (FastDigits(text) is { } fast)
        {
            return fast;
        }
        var time = text.IndexOfAny(['T', ' ']);
        if (time == 10 && text[4] == '-')
        {
            text = text[..10]; // ISO date-time: the date part
        }
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (YearFirst().Match(text) is { Success: true } y)
        {
            return $"{y.Groups[1].Value}-{y.Groups[2].Value}-{y.Groups[3].Value}";
        }
        if (DayFirst().Match(text) is { Success: true } d)
        {
            return $"{d.Groups[3].Value}-{d.Groups[2].Value}-{d.Groups[1].Value}";
        }
        return null;
    }

    /// <summary>
    /// "yyyy-MM-dd", "yyyyMMdd" and day-first "dd/MM/yyyy", "dd.MM.yyyy", "dd-MM-yyyy" read without the format parser
    /// (a scan reads a million dates); null for anything else or a day that does not exist.
    /// </summary>
    private static string? FastDigits(string text)
    {
        if (!Read(text, out var year, out var month, out var day)
            || year < 1000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        return string.Create(10, (year, month, day), static (span, d) =>
        {
            d.year.TryFormat(span, out _, "D4", CultureInfo.InvariantCulture);
            span[4] = '-';
            d.month.TryFormat(span[5..], out _, "D2", CultureInfo.InvariantCulture);
            span[7] = '-';
            d.day.TryFormat(span[8..], out _, "D2", CultureInfo.InvariantCulture);
        });
    }

    private static bool Read(string text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text.Length == 8)
        {
            return Digits(text, 0, 4, out year) && Digits(text, 4, 2, out month) && Digits(text, 6, 2, out day);
        }
        if (text.Length != 10)
        {
            return false;
        }
        if (text[4] is '-' or '/' && text[7] == text[4])
        {
            return Digits(text, 0, 4, out year) && Digits(text, 5, 2, out month) && Digits(text, 8, 2, out day);
        }
        return text[2] is '/' or '.' or '-' && text[5] == text[2]
            && Digits(text, 0, 2, out day) && Digits(text, 3, 2, out month) && Digits(text, 6, 4, out year);
    }

    private static bool Digits(string text, int start, int length, out int number)
    {
        number = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
            number = number * 10 + (text[i] - '0');
        }
        return true;
    }

    /// <summary>A normalised date as yyyyMMdd digits in one number (19710624), or -1.</summary>
    public static int ToNumber(string? normalised)
    {
        if (normalised is not { Length: 10 } || normalised[4] != '-' || normalised[7] != '-')
        {
            return -1;
        }
        var number = 0;
        foreach (var ch in normalised)
        {
            if (ch != '-')
            {
                number = number * 10 + (ch - '0');
            }
        }
        return number;
    }

    [GeneratedRegex(@"^([12][0-9]{3})[-/.]?([0-9]{2})[-/.]?([0-9]{2})$")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^([0-9]{2})[-/.]([0-9]{2})[-/.]([12][0-9]{3})$")]
    private static partial Regex DayFirst();
}
