using System.Globalization;
using System.Text;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// The owners' daily digest: each owner with open incidents gets one email summing them up (how many, how many past a
/// clock, their titles). Once per person per UTC day, whatever the number of runs: the delivery's key says whose and which day.
/// </summary>
public sealed class NotificationDigest(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>Queues today's digests not queued yet; returns how many it queued.</summary>
    public async Task<int> QueueAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Email.Mode == EmailMode.Off)
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var day = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var session = await NotificationScopes.OpenAsync(scopes, cancellationToken);
        var db = session.Db;
        var open = await db.Set<Incident>().AsNoTracking()
            .Where(i => (i.State == IncidentState.Open || i.State == IncidentState.Acknowledged) && i.Owner != "")
            .Select(i => new { i.Id, i.Owner, i.Title, i.Severity, Breached = i.AcknowledgeBreached || i.ResolveBreached })
            .ToListAsync(cancellationToken);
        var owners = open.Select(i => i.Owner).Distinct(StringComparer.Ordinal).ToList();
        var keys = owners.Select(o => $"digest:{o}:{day}").ToList();
        var done = (await db.Set<NotificationDelivery>().Where(d => keys.Contains(d.DedupKey)).Select(d => d.DedupKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var preferences = await db.Set<NotificationPreference>().AsNoTracking().Where(p => owners.Contains(p.UserEmail))
            .ToDictionaryAsync(p => p.UserEmail, StringComparer.Ordinal, cancellationToken);
        var queued = 0;
        foreach (var mine in open.GroupBy(i => i.Owner))
        {
            var preference = preferences.GetValueOrDefault(mine.Key) ?? NotificationPreference.Defaults(mine.Key);
            var key = $"digest:{mine.Key}:{day}";
            if (done.Contains(key) || !preference.EmailEnabled || !preference.DigestEnabled)
            {
                continue;
            }
            var list = mine.OrderBy(i => i.Severity).ThenBy(i => i.Id).ToList();
            var breaches = list.Count(i => i.Breached);
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"You own {list.Count} open incident{(list.Count == 1 ? "" : "s")}")
                .Append(breaches > 0 ? string.Create(CultureInfo.InvariantCulture, $", {breaches} past a clock.") : ".").AppendLine().AppendLine();
            foreach (var i in list.Take(50))
            {
                text.Append(CultureInfo.InvariantCulture, $"- #{i.Id} [{i.Severity}] {i.Title}{(i.Breached ? " (past its clock)" : "")}").AppendLine();
            }
            var message = new NotificationMessage(null, IncidentChanges.Digest, IncidentSeverity.Low,
                $"Your open incidents on {day}: {list.Count}", text.ToString(), "/incidents", [mine.Key], false);
            db.Add(NotificationEmail.Delivery(mine.Key, message, options.Value.PortalBaseUrl, now, now, null, key));
            queued++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
