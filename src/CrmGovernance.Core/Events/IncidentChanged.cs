namespace CrmGovernance.Core.Events;

/// <summary>
/// An incident changed state in a way people are told about: opened, reopened, acknowledged, escalated, breached, resolved,
/// recovered, expired, severity changed, or raised with nobody to own it. Occurrences folded into an open incident raise
/// nothing (no storms). <see cref="Recipients"/> are the people addressed (emails); <see cref="ToAdmins"/> adds every
/// active admin (an ownership gap, the last escalation step).
/// </summary>
public sealed record IncidentChanged(
    long IncidentId,
    string Change,
    string Severity,
    string Title,
    IReadOnlyList<string> Recipients,
    bool ToAdmins,
    string? Text = null) : OperationsEvent;
