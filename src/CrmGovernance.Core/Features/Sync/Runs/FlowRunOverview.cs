using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>An active flow of the published configuration, where it moves data, and its latest run (null: never ran).</summary>
public sealed record FlowRunOverview(DataFlow Flow, string Route, SyncRun? LastRun);
