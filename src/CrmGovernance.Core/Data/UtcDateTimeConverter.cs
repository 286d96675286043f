using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmGovernance.Core.Data;

/// <summary>Stores UTC date-times and reads them back marked as UTC (SQLite keeps no kind).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    public static readonly UtcDateTimeConverter Instance = new();
}
