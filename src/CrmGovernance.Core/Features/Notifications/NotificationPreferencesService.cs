using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>The signed-in person's own notification preferences (/profile/notifications); nobody edits another's.</summary>
public sealed class NotificationPreferencesService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor)
{
    /// <summary>Mine, or the defaults when I never saved any.</summary>
    public async Task<NotificationPreference> GetAsync(CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<NotificationPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserEmail == me, cancellationToken)
            ?? NotificationPreference.Defaults(me);
    }

    /// <summary>Saves mine; returns the problem in words when the choice cannot be kept (nothing is saved then).</summary>
    public async Task<string?> SaveAsync(IReadOnlyCollection<IncidentSeverity> inApp, bool emailEnabled, IReadOnlyCollection<IncidentSeverity> email,
        bool digest, TimeOnly? quietStart, TimeOnly? quietEnd, string timeZone, CancellationToken cancellationToken = default)
    {
        var me = Me();
        if ((quietStart is null) != (quietEnd is null))
        {
            return "Give both the start and the end of your quiet hours, or neither.";
        }
        if (!QuietHours.IsKnown(timeZone))
        {
            return $"'{timeZone}' is not a time zone this server knows; use a name such as Europe/Berlin or an offset such as +02:00.";
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<NotificationPreference>().FirstOrDefaultAsync(p => p.UserEmail == me, cancellationToken);
        if (row is null)
        {
            row = NotificationPreference.Defaults(me);
            db.Add(row);
        }
        row.InAppSeverities = SeverityList.Format(inApp);
        row.EmailEnabled = emailEnabled;
        row.EmailSeverities = SeverityList.Format(email);
        row.DigestEnabled = digest;
        row.QuietStartMinutes = quietStart is { } s ? s.Hour * 60 + s.Minute : null;
        row.QuietEndMinutes = quietEnd is { } e ? e.Hour * 60 + e.Minute : null;
        row.TimeZone = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private string Me()
    {
        actor.Ensure(Capability.ViewIncidents);
        return NotificationIdentity.EmailOf(actor);
    }
}
