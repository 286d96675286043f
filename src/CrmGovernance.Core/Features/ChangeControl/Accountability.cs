using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// Who answers for what in a configuration: a system, an object (owner and steward), a journey by their owner; a flow by
/// its owner and its object's owner and steward; fields, sources of truth and match rules by their object; mappings and
/// rules by their flow. Owners as published decide, so a change cannot pick its own reviewer by reassigning a thing.
/// </summary>
public static class Accountability
{
    public static AccountableParty ForFlow(GovernanceConfiguration configuration, DataFlow flow)
    {
        var owner = configuration.FindObject(flow.ObjectId);
        return new AccountableParty(flow.DisplayName, [flow.Owner, owner?.Owner ?? ""], [owner?.Steward ?? ""]);
    }

    /// <summary>The flows of these ids (records of no known flow, such as unreadable inbound payloads, need an admin).</summary>
    public static IReadOnlyCollection<AccountableParty> ForFlows(GovernanceConfiguration configuration, IEnumerable<Guid?> flowIds) =>
        flowIds.Distinct().Select(id => id is { } flowId && configuration.FindFlow(flowId) is { } flow
            ? ForFlow(configuration, flow)
            : new AccountableParty("records of no flow in the published configuration", [], [])).ToList();

    /// <summary>Every thing a set of change items touches, looked up in the configuration before and after the change.</summary>
    public static IReadOnlyCollection<AccountableParty> ForChange(IEnumerable<ChangeRequestItem> items, GovernanceConfiguration before, GovernanceConfiguration after)
    {
        var parties = new Dictionary<string, AccountableParty>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var config in new[] { before, after })
            {
                foreach (var party in For(ConfigurationItems.Find(config, item.Kind, item.ItemId), before, after))
                {
                    parties.TryAdd(party.Thing, party);
                }
            }
        }
        return parties.Values;
    }

    private static IEnumerable<AccountableParty> For(IConfigurationItem? item, GovernanceConfiguration before, GovernanceConfiguration after) => item switch
    {
        ConnectedSystem s => [System(s.Id, before, after)],
        BusinessObject o => [Object(o.Id, before, after)],
        FieldDefinition f => [Object(f.ObjectId, before, after)],
        SourceOfTruth s => [Object(s.ObjectId, before, after)],
        MatchRule r => [Object(r.ObjectId, before, after)],
        Journey j => [Journey(j.Id, before, after)],
        DataFlow f => Flow(f.Id, before, after),
        FieldMapping m => Flow(m.FlowId, before, after),
        BusinessRule r => Flow(r.FlowId, before, after),
        Scenario s => Flow(s.FlowId, before, after),
        // The default policy governs every flow: nobody but an admin answers for all of them.
        IncidentPolicy p => p.FlowId is { } flowId ? Flow(flowId, before, after) : [new AccountableParty("the default incident policy", [], [])],
        _ => [],
    };

    private static AccountableParty System(Guid id, GovernanceConfiguration before, GovernanceConfiguration after)
    {
        var system = before.FindSystem(id) ?? after.FindSystem(id);
        return new AccountableParty(system?.DisplayName ?? "a system", [system?.Owner ?? ""], []);
    }

    private static AccountableParty Object(Guid id, GovernanceConfiguration before, GovernanceConfiguration after)
    {
        var o = before.FindObject(id) ?? after.FindObject(id);
        return new AccountableParty(o?.DisplayName ?? "an object", [o?.Owner ?? ""], [o?.Steward ?? ""]);
    }

    private static AccountableParty Journey(Guid id, GovernanceConfiguration before, GovernanceConfiguration after)
    {
        var journey = before.Journeys.Find(j => j.Id == id) ?? after.Journeys.Find(j => j.Id == id);
        return new AccountableParty(journey?.DisplayName ?? "a journey", [journey?.Owner ?? ""], []);
    }

    private static IEnumerable<AccountableParty> Flow(Guid id, GovernanceConfiguration before, GovernanceConfiguration after)
    {
        var flow = before.FindFlow(id) ?? after.FindFlow(id);
        if (flow is null)
        {
            return [new AccountableParty("a flow", [], [])];
        }
        return [new AccountableParty(flow.DisplayName, [flow.Owner], []), Object(flow.ObjectId, before, after)];
    }
}
