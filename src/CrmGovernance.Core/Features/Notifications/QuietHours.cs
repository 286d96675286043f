using System.Globalization;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>A person's quiet hours, read in their own time zone (or UTC offset).</summary>
public static class QuietHours
{
    /// <summary>When the quiet hours around <paramref name="nowUtc"/> end (UTC); null when it is not quiet now.</summary>
    public static DateTime? EndIfQuiet(NotificationPreference preference, DateTime nowUtc)
    {
        if (preference.QuietStartMinutes is not { } start || preference.QuietEndMinutes is not { } end || start == end)
        {
            return null;
        }
        var offset = OffsetAt(preference.TimeZone, nowUtc);
        var local = nowUtc + offset;
        var minute = (int)local.TimeOfDay.TotalMinutes;
        // A window over midnight (22:00–07:00) is quiet after its start or before its end.
        var quiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
        if (!quiet)
        {
            return null;
        }
        var endLocal = local.Date.AddMinutes(end);
        if (endLocal <= local)
        {
            endLocal = endLocal.AddDays(1);
        }
        return DateTime.SpecifyKind(endLocal - offset, DateTimeKind.Utc);
    }

    /// <summary>Whether the text names a time zone or offset this server knows.</summary>
    public static bool IsKnown(string? zone) => TryOffset(zone, DateTime.UtcNow, out _);

    private static TimeSpan OffsetAt(string? zone, DateTime utc) => TryOffset(zone, utc, out var offset) ? offset : TimeSpan.Zero;

    private static bool TryOffset(string? zone, DateTime utc, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var text = (zone ?? "").Trim();
        if (text.Length == 0 || text.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var bare = text.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        if (bare.Length > 1 && (bare[0] == '+' || bare[0] == '-')
            && TimeSpan.TryParseExact(bare[1..], ["h\\:mm", "hh\\:mm", "%h", "hh"], CultureInfo.InvariantCulture, out var span) && span <= TimeSpan.FromHours(14))
        {
            offset = bare[0] == '-' ? -span : span;
            return true;
        }
        if (TimeZoneInfo.TryFindSystemTimeZoneById(text, out var info))
        {
            offset = info.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            return true;
        }
        return false;
    }
}
