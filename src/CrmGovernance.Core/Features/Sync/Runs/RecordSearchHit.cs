namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>One record outcome found across runs: which run, what happened, when.</summary>
public sealed record RecordSearchHit(long RunId, string FlowName, bool DryRun, string SourceId, long? InboxId, string? TargetId, OutcomeKind Outcome,
    string? Reason, DateTime AtUtc);
