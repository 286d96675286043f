using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Incidents;

/// <summary>
/// What an incident is about and who answers for it, read from the published configuration: the flow's owner, else
/// the object's accountable owner, else (for a system on its own) the system's owner; the object's escalation contact.
/// </summary>
public sealed record IncidentSubject(string Name, Guid? ObjectId, string Owner, string EscalationContact, IReadOnlyList<Guid> SystemIds)
{
    public static IncidentSubject Of(GovernanceConfiguration c, Guid? flowId, Guid? systemId, Guid? objectId)
    {
        if (flowId is { } f && c.FindFlow(f) is { } flow)
        {
            var obj = c.FindObject(flow.ObjectId);
            return new($"flow {flow.Name}", flow.ObjectId, First(flow.Owner, obj?.Owner), obj?.EscalationContact ?? "",
                [flow.SourceSystemId, flow.TargetSystemId]);
        }
        if (systemId is { } s && c.FindSystem(s) is { } system)
        {
            var obj = objectId is { } o ? c.FindObject(o) : null;
            return new($"system {system.Name}", obj?.Id, First(system.Owner, obj?.Owner), obj?.EscalationContact ?? "", [system.Id]);
        }
        if (objectId is { } id && c.FindObject(id) is { } only)
        {
            return new($"object {only.Name}", only.Id, only.Owner.Trim(), only.EscalationContact, []);
        }
        return new(flowId is null && systemId is null && objectId is null ? "the portal" : "an item no longer in the configuration",
            objectId, "", "", systemId is { } gone ? [gone] : []);
    }

    private static string First(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) ? a.Trim() : (b ?? "").Trim();
}
