using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// Turns <see cref="IncidentChanged"/> and <see cref="OwnerNotificationRequested"/> into notifications: an in-app row per
/// recipient, and emails and webhook calls queued in the delivery outbox, all in one transaction with the incident's
/// timeline lines. Idempotent by the event's sequence: an event delivered again finds its rows and writes nothing.
/// </summary>
public sealed class NotificationSubscriber(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock)
    : IOperationsEventSubscriber
{
    public string Name => "notifications";

    public IReadOnlySet<string>? Kinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        OperationsEventKinds.Of<IncidentChanged>(), OperationsEventKinds.Of<OwnerNotificationRequested>(),
    };

    public async Task HandleAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (NotificationMessage.Of(envelope.Event) is not { } message)
        {
            return;
        }
        var sequence = envelope.Sequence;
        await using var session = await NotificationScopes.OpenAsync(scopes, cancellationToken);
        var db = session.Db;
        if (await db.Set<Notification>().AnyAsync(n => n.EventSequence == sequence, cancellationToken)
            || await db.Set<NotificationDelivery>().AnyAsync(d => d.EventSequence == sequence, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var recipients = await RecipientsAsync(db, message, cancellationToken);
        var preferences = await db.Set<NotificationPreference>().AsNoTracking().Where(p => recipients.Contains(p.UserEmail))
            .ToDictionaryAsync(p => p.UserEmail, StringComparer.Ordinal, cancellationToken);
        var incident = message.IncidentId is { } incidentId && await db.Set<Incident>().AnyAsync(i => i.Id == incidentId, cancellationToken)
            ? incidentId : (long?)null;
        var emailOn = options.Value.Email.Mode != EmailMode.Off;
        var told = new List<string>();

        foreach (var email in recipients)
        {
            var preference = preferences.GetValueOrDefault(email) ?? NotificationPreference.Defaults(email);
            var inApp = preference.InApp.Contains(message.Severity);
            if (inApp)
            {
                db.Add(new Notification
                {
                    UserEmail = email, IncidentId = message.IncidentId, Title = Clip(message.Title, 300), Text = Clip(message.Text, 4000),
                    Severity = message.Severity, LinkPath = message.LinkPath, CreatedUtc = now, EventSequence = sequence,
                });
                told.Add(email);
            }
            DateTime? heldUntil = null;
            var byEmail = emailOn && preference.WantsEmail(message.Severity);
            if (byEmail)
            {
                // Critical news does not wait for the morning.
                heldUntil = message.Severity == IncidentSeverity.Critical ? null : QuietHours.EndIfQuiet(preference, now);
                db.Add(NotificationEmail.Delivery(email, message, options.Value.PortalBaseUrl, now, heldUntil ?? now, sequence, $"event:{sequence}:email:{email}"));
            }
            if (incident is { } id && (inApp || byEmail))
            {
                db.Add(Line(id, now, $"Notified {email} {How(inApp, byEmail, heldUntil)}."));
            }
        }

        foreach (var webhook in await WebhooksForAsync(db, message.Severity, cancellationToken))
        {
            db.Add(WebhookPayload.Delivery(webhook, message, now, sequence));
            if (incident is { } id)
            {
                db.Add(Line(id, now, $"Queued for webhook \"{webhook.Name}\"."));
            }
        }
        if (told.Count > 0)
        {
            db.Raise(new NotificationsAdded(told), now);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The event's people, lower case, and the admins when it asks for them: active users holding the Admin role.</summary>
    private static async Task<List<string>> RecipientsAsync(CrmDbContext db, NotificationMessage message, CancellationToken cancellationToken)
    {
        var recipients = message.Recipients.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim().ToLowerInvariant()).ToList();
        if (message.ToAdmins)
        {
            recipients.AddRange(await AdminEmails.ActiveAsync(db, cancellationToken));
        }
        return [.. recipients.Distinct(StringComparer.Ordinal)];
    }

    private static async Task<List<NotificationWebhook>> WebhooksForAsync(CrmDbContext db, IncidentSeverity severity, CancellationToken cancellationToken) =>
        (await db.Set<NotificationWebhook>().AsNoTracking().Where(w => w.Enabled).OrderBy(w => w.Name).ToListAsync(cancellationToken))
            .Where(w => SeverityList.Parse(w.Severities).Contains(severity)).ToList();

    private static string How(bool inApp, bool byEmail, DateTime? heldUntil)
    {
        var email = heldUntil is { } until ? $"by email after their quiet hours ({until:yyyy-MM-dd HH:mm} UTC)" : "by email";
        return inApp && byEmail ? "in the portal and " + email : inApp ? "in the portal" : email;
    }

    private static IncidentEntry Line(long incidentId, DateTime now, string text) =>
        new() { IncidentId = incidentId, AtUtc = now, Kind = IncidentEntryKind.Notification, Actor = "system", Text = Clip(text, 4000) };

    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
