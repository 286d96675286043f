using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Configuration.Model;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents.Clocks;

/// <summary>
/// The clocks of active incidents. A due time passing is recorded once (a Breach line, the breached flag) and escalates
/// one step; while a breach stays unanswered (not acknowledged, or past its resolve time), a further time to acknowledge
/// later it escalates again: 1 a reminder to the owner, 2 the object's escalation contact (skipped when there is none),
/// 3 the admins. Each step is recorded and told once; level 3 is the last.
/// </summary>
public static class IncidentClocks
{
    public static async Task<int> TickAsync(CrmDbContext db, GovernanceConfiguration configuration, DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.Set<Incident>()
            .Where(i => (i.State == IncidentState.Open || i.State == IncidentState.Acknowledged) && (i.AcknowledgeDueUtc <= now || i.ResolveDueUtc <= now))
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var incident in due)
        {
            var policy = configuration.IncidentPolicyFor(incident.FlowId);
            var toAcknowledge = IncidentDefaults.TimeToAcknowledge(policy, incident.Severity);
            var breached = false;
            if (incident.AcknowledgedUtc is null && !incident.AcknowledgeBreached && incident.AcknowledgeDueUtc <= now)
            {
                incident.AcknowledgeBreached = breached = true;
                Line(db, incident, now, IncidentEntryKind.Breach, $"Not acknowledged within {Span(toAcknowledge)} (due {incident.AcknowledgeDueUtc:yyyy-MM-dd HH:mm} UTC).");
            }
            if (!incident.ResolveBreached && incident.ResolveDueUtc <= now)
            {
                incident.ResolveBreached = breached = true;
                Line(db, incident, now, IncidentEntryKind.Breach,
                    $"Not resolved within {Span(IncidentDefaults.TimeToResolve(policy, incident.Severity))} (due {incident.ResolveDueUtc:yyyy-MM-dd HH:mm} UTC).");
            }
            var unanswered = (incident.AcknowledgedUtc is null && incident.AcknowledgeBreached) || incident.ResolveBreached;
            var stepDue = incident.EscalationLevel > 0 && incident.LastEscalatedUtc is { } last && last + toAcknowledge <= now;
            if (incident.EscalationLevel < 3 && unanswered && (breached || stepDue))
            {
                Escalate(db, incident, now);
                breached = true;
            }
            changed += breached ? 1 : 0;
        }
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private static void Escalate(CrmDbContext db, Incident incident, DateTime now)
    {
        var level = incident.EscalationLevel + 1;
        if (level == 1 && incident.Owner.Length == 0)
        {
            level = 2;
        }
        if (level == 2 && incident.EscalationContact.Length == 0)
        {
            level = 3;
        }
        var why = incident.AcknowledgedUtc is null ? "it is not acknowledged" : "it is not resolved";
        (IReadOnlyList<string> recipients, var toAdmins, var text) = level switch
        {
            1 => ([incident.Owner], false, $"Escalation 1: a reminder to the owner {incident.Owner}, as {why}."),
            2 => ([incident.EscalationContact.Trim().ToLowerInvariant()], false,
                $"Escalation 2: to {incident.EscalationContact.Trim()}, the object's escalation contact, as {why}."),
            _ => ((IReadOnlyList<string>)[], true, $"Escalation 3: to the admins, as {why}."),
        };
        incident.EscalationLevel = level;
        incident.LastEscalatedUtc = now;
        Line(db, incident, now, IncidentEntryKind.Escalation, text);
        db.Raise(new IncidentChanged(incident.Id, IncidentChanges.Escalated, incident.Severity.ToString(), incident.Title, recipients, toAdmins, text), now);
    }

    internal static void Line(CrmDbContext db, Incident incident, DateTime now, IncidentEntryKind kind, string text) =>
        db.Add(new IncidentEntry { IncidentId = incident.Id, AtUtc = now, Kind = kind, Actor = "system", Text = text });

    internal static string Span(TimeSpan span) =>
        span.TotalDays >= 2 ? $"{span.TotalDays:0.#} days" : span.TotalHours >= 2 ? $"{span.TotalHours:0.#} hours" : $"{span.TotalMinutes:0} minutes";
}
