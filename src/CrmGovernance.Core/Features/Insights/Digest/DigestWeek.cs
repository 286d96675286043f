using System.Globalization;

namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>An ISO week, Monday to Sunday in UTC days; <see cref="Key"/> ("2026-W09") names it in the digest's delivery keys.</summary>
public sealed record DigestWeek(DateOnly Monday)
{
    public DateOnly Sunday => Monday.AddDays(6);

    public DigestWeek Previous => new(Monday.AddDays(-7));

    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"{ISOWeek.GetYear(Monday.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue)):00}");

    /// <summary>The last whole week before <paramref name="nowUtc"/>: on any day of a week, the week before it.</summary>
    public static DigestWeek LastWholeWeekBefore(DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var sinceMonday = ((int)today.DayOfWeek + 6) % 7;
        return new DigestWeek(today.AddDays(-sinceMonday - 7));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key} ({Monday:d MMM} to {Sunday:d MMM yyyy})");
}
