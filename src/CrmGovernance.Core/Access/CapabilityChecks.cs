
namespace CrmGovernance.Core.Access;

/// <summary>What a caller may do, read from <see cref="CapabilityTable"/>. Service entry points call these; queries meant for reuse do not.</summary>
public static class CapabilityChecks
{
    /// <summary>Holds the capability for something: everywhere, or for what the caller is accountable for.</summary>
    public static bool Holds(this ActorContext actor, Capability capability) =>
        actor.IsSystem || CapabilityTable.Of(capability).AnyRoles.Any(actor.IsInRole);

    /// <summary>Holds the capability for everything, whoever is accountable.</summary>
    public static bool HoldsEverywhere(this ActorContext actor, Capability capability) =>
        actor.IsSystem || CapabilityTable.Of(capability).Roles.Any(actor.IsInRole);

    /// <summary>Holds the capability for every one of these things (an empty list needs the capability everywhere).</summary>
    public static bool HoldsFor(this ActorContext actor, Capability capability, IReadOnlyCollection<AccountableParty> things) =>
        actor.HoldsEverywhere(capability) || (things.Count > 0 && things.All(t => t.Includes(actor, CapabilityTable.Of(capability).ScopedRoles)));

    public static void Ensure(this ActorContext actor, Capability capability)
    {
        if (!actor.Holds(capability))
        {
            throw new UnauthorizedAccessException(CapabilityTable.Of(capability).Refusal);
        }
    }

    public static void EnsureFor(this ActorContext actor, Capability capability, IReadOnlyCollection<AccountableParty> things)
    {
        if (actor.HoldsFor(capability, things))
        {
            return;
        }
        var missing = things.Where(t => !t.Includes(actor, CapabilityTable.Of(capability).ScopedRoles)).Select(t => t.Thing).Take(3).ToList();
        var detail = missing.Count == 0 || !actor.Holds(capability) ? "" : " You are not accountable for " + string.Join(", ", missing) + ".";
        throw new UnauthorizedAccessException(CapabilityTable.Of(capability).Refusal + detail);
    }
}
