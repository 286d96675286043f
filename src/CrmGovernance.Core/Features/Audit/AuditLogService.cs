using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>Reads the audit log for the audit page (Admin and Auditor only).</summary>
public sealed class AuditLogService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor)
{
    public const int MaxPageSize = 200;

    public async Task<PagedResult<AuditEntry>> QueryAsync(AuditLogFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (filter.FromUtc is { } from)
        {
            query = query.Where(e => e.TimeUtc >= from);
        }
        if (filter.ToUtc is { } to)
        {
            query = query.Where(e => e.TimeUtc < to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var a = filter.Actor.Trim();
            query = query.Where(e => e.ActorName.Contains(a) || e.ActorId == a);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(e => e.EntityId == filter.EntityId.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.Sequence).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(rows, total);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    private void EnsureMayRead()
    {
        if (!actor.IsInRole(Roles.Admin) && !actor.IsInRole(Roles.Auditor))
        {
            throw new UnauthorizedAccessException("Only admins and auditors may read the audit log.");
        }
    }
}
