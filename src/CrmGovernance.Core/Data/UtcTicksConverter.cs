using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmGovernance.Core.Data;

/// <summary>
/// A UTC time stored as its ticks (100 ns): for times a hash covers, on engines whose timestamps keep less (PostgreSQL's
/// timestamptz keeps microseconds). Order and range comparisons work on the number as on the time.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTime, long>(
    v => (v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime()).Ticks,
    v => new DateTime(v, DateTimeKind.Utc))
{
    public static readonly UtcTicksConverter Instance = new();
}
