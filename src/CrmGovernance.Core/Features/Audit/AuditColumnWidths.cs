using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Cuts an audit row's bounded text (actor, entity id, correlation id…) to its column's width before the row is sealed.
/// PostgreSQL enforces those widths and SQLite does not: without this, a long typed sign-in name or an external key would
/// fail the change being recorded on PostgreSQL, and the same event would read differently on the two engines.
/// </summary>
internal static class AuditColumnWidths
{
    public static void Fit(EntityEntry<AuditEntry> entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.CurrentValue is string text && property.Metadata.GetMaxLength() is { } width && text.Length > width)
            {
                // Never leave half a surrogate pair at the end: it cannot be encoded.
                var cut = char.IsHighSurrogate(text[width - 1]) ? width - 1 : width;
                property.CurrentValue = text[..cut];
            }
        }
    }
}
