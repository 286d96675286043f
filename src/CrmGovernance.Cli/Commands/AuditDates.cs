using System.CommandLine;
using System.Globalization;

namespace CrmGovernance.Cli.Commands;

/// <summary>
/// The dates of <c>crmgov audit export</c>: a day (yyyy-MM-dd, UTC) or an ISO 8601 time (UTC unless it names an offset).
/// --from includes its moment; a plain --to day includes that whole day (as on the audit page), a --to time is excluded.
/// </summary>
internal static class AuditDates
{
    public const string HelpName = "yyyy-MM-dd|ISO 8601";

    public static Option<string> Option(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = HelpName };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } text && Parse(text) is null)
            {
                result.AddError($"{name}: \"{text}\" is not a date (yyyy-MM-dd, e.g. 2026-11-01) or an ISO 8601 UTC time (e.g. 2026-11-01T08:30:00Z).");
            }
        });
        return option;
    }

    /// <summary>The moment --from starts at (inclusive).</summary>
    public static DateTime? From(string? text) => text is null ? null : Parse(text)?.Utc;

    /// <summary>The moment --to ends before (exclusive): the day after a plain date.</summary>
    public static DateTime? To(string? text) => text is null ? null : Parse(text) is { } to ? (to.IsDay ? to.Utc.AddDays(1) : to.Utc) : null;

    private static (DateTime Utc, bool IsDay)? Parse(string text)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
        {
            return (day, true);
        }
        return text.Length > 10 && text[10] is 'T' or 't' or ' '
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? (time, false)
            : null;
    }
}
