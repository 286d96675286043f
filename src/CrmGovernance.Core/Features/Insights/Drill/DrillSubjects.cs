using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Insights.Dashboard;

namespace CrmGovernance.Core.Features.Insights.Drill;

/// <summary>
/// A drill's period and subjects, applied to the units the roll-ups count with the rules the buckets are read by
/// (<see cref="BucketReader"/>): a unit belongs to a flow, an object and systems as its contribution said, and a filter or
/// the caller's scope keeps it only when those match (a unit with no flow, such as a scan, is never in a flow's figures).
/// </summary>
internal sealed record DrillSubjects(DateTime FromUtc, DateTime ToUtc, Guid? ObjectId, Guid? FlowId, Guid? SystemId, InsightsScope Scope,
    GovernanceConfiguration Configuration, IReadOnlyList<Guid>? FlowSet = null)
{
    /// <summary>The set of flows as a list SQL can read (a unit without a flow is in no set); null when there is no set.</summary>
    public List<Guid?>? InFlows => FlowSet?.Select(f => (Guid?)f).ToList();

    public List<Guid> Allowed => [.. Scope.Objects];

    /// <summary>
    /// The configured flows an error-queue item may belong to, or null when any flow will do. An item's object and systems
    /// are its flow's (<see cref="Sources.FlowSubject"/>), so an object, a system or a scope narrows it to those flows.
    /// </summary>
    public List<Guid?>? ErrorFlows()
    {
        if (ObjectId is null && SystemId is null && Scope.Everything)
        {
            return null;
        }
        return Configuration.Flows.Where(f => (ObjectId is null || f.ObjectId == ObjectId) && (SystemId is null || f.SourceSystemId == SystemId || f.TargetSystemId == SystemId)
                && Scope.Includes(f.ObjectId))
            .Select(f => (Guid?)f.Id).ToList();
    }

    public string ObjectIn(Guid objectId, Guid? systemId)
    {
        var name = Configuration.FindObject(objectId)?.Name ?? "(an object no longer configured)";
        return systemId is { } s && s != Guid.Empty ? name + " in " + (Configuration.FindSystem(s)?.Name ?? "(a system no longer configured)") : name;
    }

    public string FlowName(Guid? flowId) => flowId is { } f ? Configuration.FindFlow(f)?.Name ?? "(a flow no longer configured)" : "";
}
