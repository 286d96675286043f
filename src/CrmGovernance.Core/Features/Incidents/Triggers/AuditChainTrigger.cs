using CrmGovernance.Core.Events;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>
/// A verification that found the audit chain broken is a critical incident of the portal itself: it has no flow and so
/// no owner, which makes it an ownership gap that goes to the admins at once (who are the right people).
/// </summary>
public sealed class AuditChainTrigger(IncidentRecorder recorder) : IOperationsEventSubscriber
{
    private static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal) { OperationsEventKinds.Of<ChainVerified>() };

    // At least once: an event handed again after its position failed to save would count a second occurrence.
    private long _lastSequence;

    public string Name => "incidents.audit-chain";
    public IReadOnlySet<string>? Kinds => Handled;

    public async Task HandleAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Sequence <= _lastSequence)
        {
            return;
        }
        await HandleNewAsync(envelope, cancellationToken);
        _lastSequence = envelope.Sequence;
    }

    private async Task HandleNewAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Event is not ChainVerified { Intact: false } e)
        {
            return;
        }
        await recorder.RecordAsync(new IncidentSignal(IncidentCause.AuditChainBroken, "The audit chain is broken",
            $"Verification up to entry {e.UpToSequence} found the audit chain broken: {e.Message ?? "no detail"}"), null, cancellationToken);
    }
}
