namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>One execution of a flow (or a dry run of it): what it used, how it ended and what happened to its records.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }
    public Guid FlowId { get; set; }
    public string FlowName { get; set; } = "";
    /// <summary>The published configuration version the run used (a dry run of a change request: the version it builds on).</summary>
    public int ConfigurationVersion { get; set; }
    /// <summary>Set for a dry run of a change request's draft configuration.</summary>
    public Guid? ChangeRequestId { get; set; }
    public bool DryRun { get; set; }
    public SyncTrigger Trigger { get; set; }
    public string StartedBy { get; set; } = "";
    public SyncRunStatus Status { get; set; } = SyncRunStatus.Running;
    public DateTime StartedUtc { get; set; }
    /// <summary>When the schedule wanted the run (its cron's fire time), for a scheduled run; how late it started shows freshness.</summary>
    public DateTime? DueUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    /// <summary>Renewed after every batch; a running run whose heartbeat is old was interrupted.</summary>
    public DateTime HeartbeatUtc { get; set; }
    /// <summary>The node that ran it (Node:Name, else machine:pid); null for runs from before nodes were recorded.</summary>
    public string? Node { get; set; }
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Appended { get; set; }
    public int Queued { get; set; }
    public int Rejected { get; set; }
    public int Failed { get; set; }
    /// <summary>Incoming records that matched an existing target record by key instead of creating a second one.</summary>
    public int DuplicatesPrevented { get; set; }
    /// <summary>Sum and count of (created in target − created in source) over created records, for the lead response time.</summary>
    public long LeadResponseMillisecondsTotal { get; set; }
    public int LeadResponseCount { get; set; }
    /// <summary>Rejection reasons and how often each occurred, as a JSON object.</summary>
    public string RejectionReasonsJson { get; set; } = "{}";
    public string? Message { get; set; }

    public int Processed => Created + Updated + Unchanged + Appended + Queued + Rejected + Failed;

    public double? DurationSeconds => FinishedUtc is { } end ? (end - StartedUtc).TotalSeconds : null;

    public double? RecordsPerSecond(DateTime now)
    {
        var seconds = ((FinishedUtc ?? now) - StartedUtc).TotalSeconds;
        return seconds <= 0 ? null : Processed / seconds;
    }

    public int Count(OutcomeKind outcome) => outcome switch
    {
        OutcomeKind.Created => Created,
        OutcomeKind.Updated => Updated,
        OutcomeKind.Unchanged => Unchanged,
        OutcomeKind.Appended => Appended,
        OutcomeKind.Queued => Queued,
        OutcomeKind.Rejected => Rejected,
        OutcomeKind.Failed => Failed,
        _ => 0,
    };
}
