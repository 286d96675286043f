namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>How a run ended (Running while it goes on).</summary>
public enum SyncRunStatus { Running, Succeeded, CompletedWithErrors, Aborted, SystemUnavailable, Failed, Interrupted }

/// <summary>What happened to one record.</summary>
public enum OutcomeKind { Created, Updated, Unchanged, Appended, Queued, Rejected, Failed }

/// <summary>What started a run.</summary>
public enum SyncTrigger { Schedule, Inbox, Manual, Replay, Cli }
