namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>Filters of the runs list; null means "any".</summary>
public sealed record SyncRunFilter(Guid? FlowId = null, SyncRunStatus? Status = null, bool? DryRun = null);
