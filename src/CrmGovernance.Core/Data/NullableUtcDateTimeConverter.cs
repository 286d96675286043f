using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmGovernance.Core.Data;

/// <summary>As <see cref="UtcDateTimeConverter"/>, for optional times.</summary>
public sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
    v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
