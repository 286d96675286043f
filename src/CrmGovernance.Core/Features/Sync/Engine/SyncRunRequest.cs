using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>What to run: a flow of the published configuration, or (dry run only) of a change request's draft configuration.</summary>
/// <param name="DueUtc">When the schedule wanted this run (the cron's fire time), for a scheduled run.</param>
public sealed record SyncRunRequest(Guid FlowId, SyncTrigger Trigger, string StartedBy, bool DryRun = false, Guid? ChangeRequestId = null, DateTime? DueUtc = null);

/// <summary>The flow already has a run going (here or in another process).</summary>
public sealed class FlowBusyException(string message) : Exception(message);
