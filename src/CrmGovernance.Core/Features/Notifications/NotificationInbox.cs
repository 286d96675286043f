using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// The signed-in person's own notifications: the bell's count and menu, the paged list, marking read. Every query is
/// bound to the caller's email, so nobody reads or changes another person's notifications.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, TimeProvider clock)
{
    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Notification>().CountAsync(n => n.UserEmail == me && n.ReadUtc == null, cancellationToken);
    }

    /// <summary>The newest first, <paramref name="skip"/> then <paramref name="take"/> (at most 100), with the total.</summary>
    public async Task<(IReadOnlyList<NotificationRow> Rows, int Total)> ListAsync(int skip, int take, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserEmail == me && (!unreadOnly || n.ReadUtc == null));
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(n => n.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 100))
            .Select(n => new NotificationRow(n.Id, n.IncidentId, n.Title, n.Text, n.Severity, n.LinkPath, n.CreatedUtc, n.ReadUtc != null))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>Marks one of mine read; false when it is not mine (or not there).</summary>
    public async Task<bool> MarkReadAsync(long id, CancellationToken cancellationToken = default)
    {
        var me = Me();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Notification>().Where(n => n.Id == id && n.UserEmail == me && n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), cancellationToken) == 1
            || await db.Set<Notification>().AnyAsync(n => n.Id == id && n.UserEmail == me, cancellationToken);
    }

    /// <summary>Marks all of mine read; returns how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var me = Me();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Notification>().Where(n => n.UserEmail == me && n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), cancellationToken);
    }

    /// <summary>The caller, who must be a signed-in person: notifications are addressed by email.</summary>
    private string Me()
    {
        actor.Ensure(Capability.ViewIncidents);
        return NotificationIdentity.EmailOf(actor);
    }
}
