
namespace CrmGovernance.Core.Access;

/// <summary>Who answers for one governed thing (a system, object, flow, journey or match rule): its owners and stewards.</summary>
public sealed record AccountableParty(string Thing, IReadOnlyCollection<string> Owners, IReadOnlyCollection<string> Stewards)
{
    /// <summary>Whether the actor answers for this thing through one of the roles that hold a capability only in scope.</summary>
    public bool Includes(ActorContext actor, IReadOnlyList<string> scopedRoles) =>
        (scopedRoles.Contains(Roles.BusinessOwner) && actor.IsInRole(Roles.BusinessOwner) && Named(Owners, actor.Name))
        || (scopedRoles.Contains(Roles.Steward) && actor.IsInRole(Roles.Steward) && Named(Stewards, actor.Name));

    private static bool Named(IReadOnlyCollection<string> people, string name) =>
        people.Any(p => !string.IsNullOrWhiteSpace(p) && string.Equals(p.Trim(), name, StringComparison.OrdinalIgnoreCase));
}
