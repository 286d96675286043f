namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>The fate of one source record in one run, with the target's values before and after (JSON objects).</summary>
public sealed class RecordOutcome
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public string SourceId { get; set; } = "";
    public string? TargetId { get; set; }
    public OutcomeKind Outcome { get; set; }
    /// <summary>Why: the rejection or failure reason, the rule that queued it, or how it matched.</summary>
    public string? Reason { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
    /// <summary>The match probability of the best fuzzy candidate, when the object has a match rule and one was found.</summary>
    public double? MatchScore { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>The inbox item the record arrived as, for webhook sources (the id the sender's acknowledgement carried).</summary>
    public long? InboxId { get; set; }
    /// <summary>When the source system says the record was created (for the lead response time); null when it does not say.</summary>
    public DateTime? SourceCreatedUtc { get; set; }
    /// <summary>How it matched an existing target record: "Linked" (crosswalk), "Key", "Fuzzy" (match rule); null for none.</summary>
    public string? Match { get; set; }
}
