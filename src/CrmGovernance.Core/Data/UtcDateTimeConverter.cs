using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmGovernance.Core.Data;

/// <summary>Stores UTC date-times and reads them back marked as UTC (SQLite keeps no kind).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    public static readonly UtcDateTimeConverter Instance = new();

    /// <summary>A time as every engine stores it (PostgreSQL keeps microseconds): for values hashed before they are stored.</summary>
    public static DateTime ToMicroseconds(DateTime value) => new(value.Ticks - value.Ticks % 10, value.Kind);
}
