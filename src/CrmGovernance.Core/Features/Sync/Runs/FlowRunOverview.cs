using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>
/// An active flow of the published configuration, where it moves data, its latest run (null: never ran), when its
/// source was last read to the end (null: never), and how many polls since that run found nothing (they keep no run).
/// </summary>
public sealed record FlowRunOverview(DataFlow Flow, string Route, SyncRun? LastRun, DateTime? LastCheckedUtc = null, int EmptyChecks = 0);
