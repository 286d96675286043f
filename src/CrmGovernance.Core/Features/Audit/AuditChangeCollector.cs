using System.Globalization;
using System.Text.Json;
using System.Text;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>Turns the change tracker's inserts, updates and deletes of audited entities into audit rows.</summary>
internal static class AuditChangeCollector
{
    private const string RedactedValue = "***";

    public static List<AuditEntry> Collect(DbContext context, ActorContext actor, DateTime nowUtc)
    {
        var rows = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var name = entry.Metadata.AuditedName();
            if (name is null || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = DescribeChanges(entry);
            if (changes is null)
            {
                continue;
            }

            rows.Add(new AuditEntry
            {
                TimeUtc = nowUtc,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                Action = entry.State switch
                {
                    EntityState.Added => AuditActions.Insert,
                    EntityState.Deleted => AuditActions.Delete,
                    _ => AuditActions.Update,
                },
                EntityType = name,
                EntityId = KeyOf(entry),
                Changes = changes,
                CorrelationId = actor.CorrelationId,
                Source = actor.Source,
                ChangeRequestId = ChangeRequestOf(entry),
            });
        }
        return rows;
    }

    private static string? DescribeChanges(EntityEntry entry)
    {
        using var stream = new MemoryStream();
        var count = 0;
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            foreach (var p in entry.Properties)
            {
                var mode = p.Metadata.AuditMode();
                if (mode == AuditAnnotations.Ignored)
                {
                    continue;
                }

                string? oldValue = entry.State == EntityState.Added ? null : Format(p.OriginalValue);
                string? newValue = entry.State == EntityState.Deleted ? null : Format(p.CurrentValue);
                if (entry.State == EntityState.Modified && (!p.IsModified || oldValue == newValue))
                {
                    continue;
                }
                if (entry.State != EntityState.Modified && oldValue is null && newValue is null)
                {
                    continue;
                }
                if (mode == AuditAnnotations.Redacted)
                {
                    oldValue = oldValue is null ? null : RedactedValue;
                    newValue = newValue is null ? null : RedactedValue;
                }

                w.WriteStartObject();
                w.WriteString("field", p.Metadata.Name);
                w.WriteString("old", oldValue);
                w.WriteString("new", newValue);
                w.WriteEndObject();
                count++;
            }
            w.WriteEndArray();
        }
        return count == 0 && entry.State == EntityState.Modified ? null : Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Guid? ChangeRequestOf(EntityEntry entry) =>
        entry.Metadata.AuditedChangeRequestKey() is { } key
            ? (entry.Property(key).CurrentValue ?? entry.Property(key).OriginalValue) as Guid?
            : null;

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? ""
            : string.Join(":", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue)));
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
