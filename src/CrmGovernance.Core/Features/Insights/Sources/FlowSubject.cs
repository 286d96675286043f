using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Insights.Sources;

/// <summary>Who a flow's figures belong to: the flow, its object, its source and target systems.</summary>
internal sealed record FlowSubject(Guid FlowId, Guid ObjectId, Guid SourceId, Guid TargetId)
{
    public static FlowSubject Of(GovernanceConfiguration configuration, Guid flowId) =>
        configuration.FindFlow(flowId) is { } flow
            ? new FlowSubject(flow.Id, flow.ObjectId, flow.SourceSystemId, flow.TargetSystemId)
            : new FlowSubject(flowId, Guid.Empty, Guid.Empty, Guid.Empty);
}
