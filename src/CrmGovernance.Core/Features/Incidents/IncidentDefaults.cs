using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Incidents;

/// <summary>The severity each cause starts at, and the clocks a severity gets under a policy.</summary>
public static class IncidentDefaults
{
    public static IncidentSeverity SeverityOf(IncidentCause cause) => cause switch
    {
        IncidentCause.AuditChainBroken => IncidentSeverity.Critical,
        IncidentCause.RunFailed or IncidentCause.SystemUnavailable or IncidentCause.NothingSucceeded or IncidentCause.SilentFlow => IncidentSeverity.High,
        IncidentCause.ReviewOverdue => IncidentSeverity.Low,
        _ => IncidentSeverity.Medium,
    };

    public static TimeSpan TimeToAcknowledge(IncidentPolicy policy, IncidentSeverity severity) =>
        TimeSpan.FromMinutes(policy.AcknowledgeMinutes.ElementAtOrDefault((int)severity) is > 0 and var m ? m : 60);

    public static TimeSpan TimeToResolve(IncidentPolicy policy, IncidentSeverity severity) =>
        TimeSpan.FromHours(policy.ResolveHours.ElementAtOrDefault((int)severity) is > 0 and var h ? h : 24);

    /// <summary>Sets both clocks from now for the incident's severity.</summary>
    public static void StartClocks(Incident incident, IncidentPolicy policy, DateTime nowUtc)
    {
        incident.AcknowledgeDueUtc = nowUtc + TimeToAcknowledge(policy, incident.Severity);
        incident.ResolveDueUtc = nowUtc + TimeToResolve(policy, incident.Severity);
        incident.AcknowledgeBreached = false;
        incident.ResolveBreached = false;
        incident.EscalationLevel = 0;
        incident.LastEscalatedUtc = null;
    }
}
