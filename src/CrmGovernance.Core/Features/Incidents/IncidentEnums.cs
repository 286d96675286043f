namespace CrmGovernance.Core.Features.Incidents;

/// <summary>What signalled the incident. Repeats of one cause on one flow or system fold into its open incident.</summary>
public enum IncidentCause
{
    RunFailed,
    SystemUnavailable,
    ErrorQueueGrowing,
    RejectionRate,
    NothingSucceeded,
    ReviewOverdue,
    DuplicateSpike,
    AuditChainBroken,
    SilentFlow,
    VolumeDrop,
    Reported,
    /// <summary>A changed flow's first runs drift from its recent baseline (the canary after a publish).</summary>
    CanaryDrift,
    /// <summary>A flow's scenarios fail on the published configuration (the nightly regression run).</summary>
    ScenarioRegression,
}

public enum IncidentSeverity { Critical, High, Medium, Low }

/// <summary>open → acknowledged → resolved → closed; a recurrence within the reopen window sends it back to open.</summary>
public enum IncidentState { Open, Acknowledged, Resolved, Closed }

/// <summary>
/// How an incident ended, kept apart: recovered (closed automatically after a clean run), resolved by a person (with
/// a note and a cause category), expired (unattended past its time to live: neglect, not success).
/// </summary>
public enum IncidentEnding { Recovered, Resolved, Expired }

/// <summary>The cause category a person gives when resolving an incident.</summary>
public enum ResolutionCategory { Configuration, SourceData, TargetSystem, Credentials, Capacity, FalseAlarm, Other }

/// <summary>What one line of an incident's timeline records.</summary>
public enum IncidentEntryKind
{
    Opened,
    Occurrence,
    Reopened,
    Acknowledged,
    Resolved,
    Recovered,
    Expired,
    Closed,
    Comment,
    SeverityChanged,
    Notification,
    Escalation,
    Breach,
}
