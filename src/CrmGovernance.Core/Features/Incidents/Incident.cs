namespace CrmGovernance.Core.Features.Incidents;

/// <summary>A failure signal with an owner, severity, clocks, a timeline (<see cref="IncidentEntry"/>) and an end.</summary>
public sealed class Incident
{
    public long Id { get; set; }

    /// <summary>Cause and subject ("RunFailed:flow:…"): an occurrence with the key of an unfinished incident folds into it.</summary>
    public string FoldKey { get; set; } = "";

    public IncidentCause Cause { get; set; }
    public IncidentSeverity Severity { get; set; }
    public IncidentState State { get; set; }
    public IncidentEnding? Ending { get; set; }

    public string Title { get; set; } = "";
    public string Detail { get; set; } = "";

    public Guid? FlowId { get; set; }
    public Guid? SystemId { get; set; }
    public Guid? ObjectId { get; set; }
    /// <summary>A record the incident is about (a manual report, a failed record), as the source system knows it.</summary>
    public string? RecordId { get; set; }
    /// <summary>What it is about, in words ("flow Shop orders → CRM", "system Marketing"), as it read when it opened.</summary>
    public string SubjectName { get; set; } = "";

    /// <summary>Email (lower case) of the accountable person: the flow's owner, else the object's (or the system's); "" when nobody.</summary>
    public string Owner { get; set; } = "";
    /// <summary>The object's escalation contact, second step of an escalation.</summary>
    public string EscalationContact { get; set; } = "";
    /// <summary>Opened with nobody able to own it: escalated to the admins at once and counted as an ownership gap.</summary>
    public bool OwnershipGap { get; set; }

    /// <summary>The configuration version in force when it opened.</summary>
    public int ConfigurationVersion { get; set; }
    /// <summary>Set when it began within the change window after a publish that touched its flow.</summary>
    public int? CausingVersion { get; set; }
    public Guid? CausingChangeRequestId { get; set; }
    /// <summary>"began 4 minutes after version 12, CR … by …, changed the mapping of …".</summary>
    public string? CausingSummary { get; set; }

    public int Occurrences { get; set; } = 1;
    public DateTime FirstSeenUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }
    public DateTime OpenedUtc { get; set; }
    public DateTime? AcknowledgedUtc { get; set; }
    public DateTime? ResolvedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }

    /// <summary>The clocks, set from the severity's SLA when it opens (and again when its severity changes).</summary>
    public DateTime AcknowledgeDueUtc { get; set; }
    public DateTime ResolveDueUtc { get; set; }
    public bool AcknowledgeBreached { get; set; }
    public bool ResolveBreached { get; set; }
    /// <summary>0 none; 1 reminder to the owner; 2 the object's escalation contact; 3 the admins.</summary>
    public int EscalationLevel { get; set; }
    public DateTime? LastEscalatedUtc { get; set; }

    public string? ResolutionNote { get; set; }
    public ResolutionCategory? ResolutionCategory { get; set; }
    /// <summary>Who reported it by hand; null for an automatic incident.</summary>
    public string? ReportedBy { get; set; }
    public int ReopenCount { get; set; }
    /// <summary>The latest run concerned, for the link on the incident's page.</summary>
    public long? LastRunId { get; set; }

    public bool IsActive => State is IncidentState.Open or IncidentState.Acknowledged;
}
