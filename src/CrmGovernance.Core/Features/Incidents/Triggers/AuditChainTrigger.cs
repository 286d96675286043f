using CrmGovernance.Core.Events;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>
/// A verification that found the audit chain broken is a critical incident of the portal itself: it has no flow and so
/// no owner, which makes it an ownership gap that goes to the admins at once (who are the right people).
/// </summary>
public sealed class AuditChainTrigger(IncidentRecorder recorder) : IncidentTrigger<ChainVerified>
{
    public override string Name => "incidents.audit-chain";

    protected override async Task HandleAsync(ChainVerified e, long sequence, CancellationToken cancellationToken)
    {
        if (e.Intact)
        {
            return;
        }
        await recorder.RecordAsync(new IncidentSignal(IncidentCause.AuditChainBroken, "The audit chain is broken",
            $"Verification up to entry {e.UpToSequence} found the audit chain broken: {e.Message ?? "no detail"}")
        { EventSequence = sequence }, null, cancellationToken);
    }
}
