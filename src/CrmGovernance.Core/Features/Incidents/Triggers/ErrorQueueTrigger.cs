using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>Records entered a flow's error queue: at least the policy's threshold waiting there is an ErrorQueueGrowing incident.</summary>
public sealed class ErrorQueueTrigger(IServiceScopeFactory scopes, PublishedConfiguration published, IncidentRecorder recorder) : IncidentTrigger<ErrorQueueItemsAdded>
{
    public override string Name => "incidents.error-queue";

    protected override async Task HandleAsync(ErrorQueueItemsAdded e, long sequence, CancellationToken cancellationToken)
    {
        // Unreadable inbound payloads belong to no flow: nobody's queue grows.
        if (e.FlowId is not { } flowId)
        {
            return;
        }
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var policy = configuration.IncidentPolicyFor(flowId);
        var waiting = await scopes.ReadAsync(db => db.ErrorQueueItems.CountAsync(i => i.FlowId == flowId && i.Status == ErrorStatus.Open, cancellationToken), cancellationToken);
        if (waiting < policy.ErrorQueueThreshold)
        {
            return;
        }
        var name = configuration.FindFlow(flowId)?.Name ?? "a flow";
        await recorder.RecordAsync(new IncidentSignal(IncidentCause.ErrorQueueGrowing, $"The error queue of {name} grows",
            $"{waiting} records wait in the error queue of {name} (the threshold is {policy.ErrorQueueThreshold}); {e.Count} just joined.")
        { FlowId = flowId, RunId = e.RunId, EventSequence = sequence }, null, cancellationToken);
    }
}
