namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>
/// Where an inbound payload landed: its inbox id, the source record id the flows read it as, the flow that takes it, and
/// its latest record outcome with its run; <see cref="Outcome"/> is null while no run has handled it yet.
/// </summary>
public sealed record InboxRecordOutcome(long InboxId, string SystemName, string SourceId, string? FlowName, DateTime ReceivedUtc, RecordOutcome? Outcome)
{
    public bool Processed => Outcome is not null;
}
