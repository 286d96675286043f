using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>What to run: a flow of the published configuration, or (dry run only) of a change request's draft configuration.</summary>
public sealed record SyncRunRequest(Guid FlowId, SyncTrigger Trigger, string StartedBy, bool DryRun = false, Guid? ChangeRequestId = null);

/// <summary>The flow already has a run going (here or in another process).</summary>
public sealed class FlowBusyException(string message) : Exception(message);
