using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Systems;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// Admins' management of outbound webhooks (Capability.ManageNotificationChannels). Creating, disabling and deleting are
/// audited entity changes; the test call is recorded in the audit trail too.
/// </summary>
public sealed class NotificationWebhookService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, SecretProtector secrets,
    WebhookClient client, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>The audit action of a test call.</summary>
    public const string TestAction = "WebhookTest";

    public async Task<IReadOnlyList<NotificationWebhookRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ManageNotificationChannels);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hooks = await db.Set<NotificationWebhook>().AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
        var ids = hooks.Select(h => (Guid?)h.Id).ToList();
        var errors = (await db.Set<NotificationDelivery>().AsNoTracking().Where(d => ids.Contains(d.WebhookId))
                .GroupBy(d => d.WebhookId).Select(g => g.OrderByDescending(d => d.Id).First()).ToListAsync(cancellationToken))
            .ToDictionary(d => d.WebhookId!.Value, d => d.LastError);
        return [.. hooks.Select(h => new NotificationWebhookRow(h.Id, h.Name, h.Url, h.Severities, h.Enabled, h.CreatedUtc, h.CreatedBy, errors.GetValueOrDefault(h.Id)))];
    }

    /// <summary>Adds a webhook; returns its id, or the problem in words (nothing saved).</summary>
    public async Task<(Guid? Id, string? Problem)> CreateAsync(string name, string url, IReadOnlyCollection<IncidentSeverity> severities, string secret,
        CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ManageNotificationChannels);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return (null, "Give the webhook a name of at most 100 characters.");
        }
        if (client.UrlProblem(url.Trim()) is { } problem)
        {
            return (null, "The portal may not send to this address: " + problem);
        }
        if (secret.Length < 16)
        {
            return (null, "The secret must be at least 16 characters long; the receiver uses it to check each call's signature.");
        }
        if (severities.Count == 0)
        {
            return (null, "Choose at least one severity.");
        }
        var hook = new NotificationWebhook
        {
            Id = Guid.NewGuid(), Name = name.Trim(), Url = url.Trim(), Severities = SeverityList.Format(severities),
            ProtectedSecret = secrets.Protect(secret), Enabled = true, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(hook);
        await db.SaveChangesAsync(cancellationToken);
        return (hook.Id, null);
    }

    public async Task<bool> SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ManageNotificationChannels);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hook = await db.Set<NotificationWebhook>().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (hook is null)
        {
            return false;
        }
        hook.Enabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ManageNotificationChannels);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hook = await db.Set<NotificationWebhook>().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (hook is null)
        {
            return false;
        }
        db.Remove(hook);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Sends a signed test call now, outside the outbox; returns null on success or what went wrong.</summary>
    public async Task<string?> SendTestAsync(Guid id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ManageNotificationChannels);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hook = await db.Set<NotificationWebhook>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (hook is null)
        {
            return "The webhook no longer exists.";
        }
        var message = new NotificationMessage(null, "test", IncidentSeverity.Low, "Test call from CrmGovernance",
            $"{actor.Name} sent this test call from the notification webhooks page.", "/admin/notification-webhooks", [], false);
        string? error = null;
        try
        {
            await client.PostAsync(hook.Url, secrets.Unprotect(hook.ProtectedSecret), WebhookPayload.Body(message), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException or System.Security.Cryptography.CryptographicException)
        {
            error = e.Message;
        }
        await audit.RecordAsync(TestAction, "Notification webhook", hook.Id.ToString(), new { hook.Name, hook.Url, Succeeded = error is null, Error = error },
            cancellationToken: cancellationToken);
        return error;
    }
}
