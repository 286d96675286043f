using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Incidents;

/// <summary>
/// Who answers for an incident, as the published configuration says now: its owner (named on the incident when it
/// opened), and the owners and stewards of its flow, object and system. Any one of them may work it.
/// </summary>
public static class IncidentAccountability
{
    public static IReadOnlyList<AccountableParty> Of(GovernanceConfiguration configuration, Incident incident)
    {
        var parties = new List<AccountableParty> { new("this incident", [incident.Owner], [incident.Owner]) };
        if (incident.FlowId is { } flowId && configuration.FindFlow(flowId) is { } flow)
        {
            parties.Add(Accountability.ForFlow(configuration, flow));
        }
        if (incident.ObjectId is { } objectId && configuration.FindObject(objectId) is { } obj)
        {
            parties.Add(new(obj.DisplayName, [obj.Owner], [obj.Steward]));
        }
        if (incident.SystemId is { } systemId && configuration.FindSystem(systemId) is { } system)
        {
            parties.Add(new(system.DisplayName, [system.Owner], []));
        }
        return parties;
    }

    /// <summary>Whether the actor may work the incident: everywhere (admins), or as one who answers for it.</summary>
    public static bool MayWork(ActorContext actor, GovernanceConfiguration configuration, Incident incident) =>
        actor.HoldsEverywhere(Capability.WorkIncidents)
        || (actor.Holds(Capability.WorkIncidents)
            && Of(configuration, incident).Any(p => p.Includes(actor, CapabilityTable.Of(Capability.WorkIncidents).ScopedRoles)));
}
