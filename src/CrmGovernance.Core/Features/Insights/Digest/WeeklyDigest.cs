using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>
/// Queues the managers' weekly digest in the notification outbox (the delivery loop sends it, with retries). Once per
/// person per ISO week, however often the job runs and on however many nodes: each delivery's key names the person and the
/// week, and the outbox's key is unique, so a second insert fails instead of sending twice.
/// </summary>
public sealed class WeeklyDigest(IServiceScopeFactory scopes, WeeklyDigestComposer composer, IOptions<InsightsDigestOptions> options,
    IOptions<NotificationOptions> notifications, TimeProvider clock)
{
    public static string DeliveryKey(string email, DigestWeek week) => $"insights-digest:{email}:{week.Key}";

    /// <summary>Queues the last whole week's digest for those who have not had it yet; returns how many it queued.</summary>
    public async Task<int> QueueAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || notifications.Value.Email.Mode == EmailMode.Off)
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var week = DigestWeek.LastWholeWeekBefore(now);
        DigestContent? content = null;
        // A second node may insert the same keys between our check and our save: then its rows stand and we look again.
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("insights-digest", null);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
            var pending = await PendingAsync(db, week, cancellationToken);
            if (pending.Count == 0)
            {
                return 0;
            }
            content ??= await composer.ComposeAsync(week, cancellationToken);
            var (subject, body) = (WeeklyDigestText.Subject(content), WeeklyDigestText.Body(content, notifications.Value.PortalBaseUrl));
            foreach (var email in pending)
            {
                db.Add(new NotificationDelivery
                {
                    Channel = DeliveryChannel.Email, Recipient = email, Subject = subject, Payload = body, NextAttemptUtc = now,
                    Status = DeliveryStatus.Pending, CreatedUtc = now, DedupKey = DeliveryKey(email, week),
                });
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return pending.Count;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Another node queued some of them first.
            }
        }
    }

    /// <summary>Active managers who want email and have no delivery of this week's digest yet.</summary>
    private static async Task<List<string>> PendingAsync(CrmDbContext db, DigestWeek week, CancellationToken ct)
    {
        // A role's id is its name (Roles).
        var managers = (await (from user in db.Users
                               join role in db.UserRoles on user.Id equals role.UserId
                               where role.RoleId == Roles.Manager && !user.IsDisabled && user.Email != null
                               select user.Email).ToListAsync(ct))
            .Select(e => e!.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var keys = managers.Select(m => DeliveryKey(m, week)).ToList();
        var done = (await db.Set<NotificationDelivery>().Where(d => keys.Contains(d.DedupKey)).Select(d => d.DedupKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var noEmail = (await db.Set<NotificationPreference>().AsNoTracking().Where(p => !p.EmailEnabled).Select(p => p.UserEmail).ToListAsync(ct))
            .Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return managers.Where(m => !done.Contains(DeliveryKey(m, week)) && !noEmail.Contains(m)).Order(StringComparer.Ordinal).ToList();
    }
}
