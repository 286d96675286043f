namespace CrmGovernance.Core.Features.Incidents;

/// <summary>An incident as a list shows it (the read API returns the same shape).</summary>
public sealed record IncidentRow(
    long Id,
    string Title,
    IncidentCause Cause,
    IncidentSeverity Severity,
    IncidentState State,
    IncidentEnding? Ending,
    string SubjectName,
    Guid? FlowId,
    Guid? SystemId,
    string Owner,
    bool OwnershipGap,
    int Occurrences,
    DateTime OpenedUtc,
    DateTime LastSeenUtc,
    DateTime AcknowledgeDueUtc,
    DateTime ResolveDueUtc,
    bool AcknowledgeBreached,
    bool ResolveBreached,
    int EscalationLevel,
    int ConfigurationVersion,
    int? CausingVersion);
