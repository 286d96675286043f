using System.Globalization;

namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>Timestamps as connectors exchange them: ISO 8601 round-trip text, UTC.</summary>
internal static class ConnectorTime
{
    public static string Text(DateTime value) => value.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>An instant the caller means as UTC (Unspecified is taken as UTC), with its Z.</summary>
    public static string UtcText(DateTime value) =>
        Text(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static string Text(DateTimeOffset value) => value.UtcDateTime.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>A created-at value as UTC; text without a zone is taken as UTC; null when it is not a date.</summary>
    public static DateTime? ParseUtc(object? value) => value switch
    {
        DateTime d => d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc),
        DateTimeOffset o => o.UtcDateTime,
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };
}
