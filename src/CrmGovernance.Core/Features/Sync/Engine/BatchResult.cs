using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>The fate of one record in a batch; <see cref="QueueAs"/> says which error-queue kind keeps it.</summary>
public sealed class RecordResult
{
    public required string SourceId { get; init; }
    public string? TargetId { get; set; }
    public OutcomeKind Outcome { get; set; }
    public string? Reason { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
    public required string PayloadJson { get; init; }
    public MatchKind Match { get; set; }
    /// <summary>The best candidate's match probability under the object's match rule, when one reached the review threshold.</summary>
    public double? MatchScore { get; set; }
    /// <summary>The existing record a created record may duplicate (between the thresholds): filed for review once the batch is recorded.</summary>
    public MatchCandidate? ReviewWith { get; set; }
    /// <summary>The existing record the match rule matched this one to (auto-match), with the score's explanation.</summary>
    public MatchCandidate? MatchedWith { get; set; }
    /// <summary>Identity fields a fuzzy match did not write because the match rule holds them for a steward (filed once the batch is recorded).</summary>
    public List<ProposedFieldChange> HeldChanges { get; } = [];
    public bool NewLink { get; set; }
    /// <summary>Rules that asked for the owner to be notified about this record (told once per run and rule when the run ends).</summary>
    public IReadOnlyList<string> NotifyRules { get; set; } = [];
    public DateTime? SourceCreatedUtc { get; init; }
    /// <summary>The inbox item the record arrived as (webhook sources).</summary>
    public long? InboxId { get; init; }

    public ErrorKind? QueueAs => Outcome switch
    {
        OutcomeKind.Rejected => ErrorKind.Rejected,
        OutcomeKind.Failed => ErrorKind.Failed,
        OutcomeKind.Queued => ErrorKind.Review,
        _ => null,
    };
}

/// <summary>What a batch produced, ready to be recorded with the cursor that follows it.</summary>
public sealed class BatchResult
{
    public List<RecordResult> Records { get; } = [];
    public int DuplicatesPrevented { get; set; }
    /// <summary>The matchable values of the target records the batch wrote or read, for the stored match index (only with a match rule).</summary>
    public List<MatchRecord> MatchIndexUpdates { get; } = [];
    public long LeadResponseMillisecondsTotal { get; set; }
    public int LeadResponseCount { get; set; }
}
