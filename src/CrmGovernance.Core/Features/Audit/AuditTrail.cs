using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>Records audit events that are not entity changes: sign-ins, lockouts, resets.</summary>
public sealed class AuditTrail(IDbContextFactory<CrmDbContext> contexts, ActorContext actor) : IAuditTrail
{
    /// <inheritdoc />
    public async Task RecordAsync(string action, string entityType, string? subjectId, object? details = null,
        string? actorId = null, string? actorName = null, Guid? changeRequestId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            ActorId = actorId ?? actor.UserId,
            ActorName = actorName ?? actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = subjectId,
            Changes = details is null ? "{}" : JsonSerializer.Serialize(details),
            CorrelationId = actor.CorrelationId,
            Source = actor.Source,
            ChangeRequestId = changeRequestId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
