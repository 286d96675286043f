using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Systems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// Drains the delivery outbox. A row is claimed (Sending, with a lease) by a conditional update before it is sent, so two
/// drains never send it both; it is marked Sent after, or put back with a growing pause. A crash between sending and
/// marking leaves it Sending until its lease ends, then it is sent again (at least once; a row marked Sent never is).
/// </summary>
public sealed partial class NotificationSender(IServiceScopeFactory scopes, EmailTransport email, WebhookClient webhooks,
    SecretProtector secrets, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationSender> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromHours(6);

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var session = await NotificationScopes.OpenAsync(scopes, cancellationToken);
        var db = session.Db;
            var due = await db.Set<NotificationDelivery>().AsNoTracking()
                .Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending) && d.NextAttemptUtc <= now)
                .OrderBy(d => d.NextAttemptUtc).ThenBy(d => d.Id).Take(20).ToListAsync(cancellationToken);
            var claimed = 0;
            foreach (var delivery in due)
            {
                if (!await ClaimAsync(db, delivery, now, cancellationToken))
                {
                    continue;
                }
                claimed++;
                sent += await SendOneAsync(db, delivery, now, cancellationToken) ? 1 : 0;
            }
            if (claimed == 0 || due.Count < 20)
            {
                return sent;
            }
        }
        return sent;
    }

    private static async Task<bool> ClaimAsync(CrmDbContext db, NotificationDelivery d, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<NotificationDelivery>()
            .Where(x => x.Id == d.Id && x.Status == d.Status && x.Attempts == d.Attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, DeliveryStatus.Sending).SetProperty(x => x.Attempts, d.Attempts + 1)
                .SetProperty(x => x.NextAttemptUtc, now + Lease), cancellationToken) == 1;

    private async Task<bool> SendOneAsync(CrmDbContext db, NotificationDelivery d, DateTime now, CancellationToken cancellationToken)
    {
        var attempts = d.Attempts + 1;
        try
        {
            if (d.Channel == DeliveryChannel.Email)
            {
                await email.SendAsync(d.Id, d.Recipient, d.Subject, d.Payload, cancellationToken);
            }
            else
            {
                var hook = await db.Set<NotificationWebhook>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == d.WebhookId, cancellationToken);
                if (hook is not { Enabled: true })
                {
                    await FinishAsync(db, d.Id, DeliveryStatus.Failed, now, "The webhook was disabled or deleted before the call was made.", cancellationToken);
                    return false;
                }
                await webhooks.PostAsync(hook.Url, secrets.Unprotect(hook.ProtectedSecret), d.Payload, cancellationToken);
            }
            await FinishAsync(db, d.Id, DeliveryStatus.Sent, now, null, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var last = attempts >= options.Value.MaxAttempts;
            LogFailed(logger, d.Channel, d.Id, attempts, e.Message);
            var pause = TimeSpan.FromSeconds(options.Value.RetryDelaySeconds * Math.Pow(2, Math.Min(attempts - 1, 16)));
            await db.Set<NotificationDelivery>().Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, last ? DeliveryStatus.Failed : DeliveryStatus.Pending)
                .SetProperty(x => x.NextAttemptUtc, now + (pause < LongestPause ? pause : LongestPause))
                .SetProperty(x => x.LastError, NotificationSubscriber.Clip(e.Message, 2000)), CancellationToken.None);
            return false;
        }
    }

    private static async Task FinishAsync(CrmDbContext db, long id, DeliveryStatus status, DateTime now, string? error, CancellationToken cancellationToken) =>
        await db.Set<NotificationDelivery>().Where(x => x.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, status).SetProperty(x => x.SentUtc, status == DeliveryStatus.Sent ? now : (DateTime?)null)
            .SetProperty(x => x.LastError, error), CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Channel} delivery {Id} failed (attempt {Attempts}): {Error}")]
    private static partial void LogFailed(ILogger logger, DeliveryChannel channel, long id, int attempts, string error);
}
