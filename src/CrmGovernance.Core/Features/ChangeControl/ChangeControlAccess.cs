using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>Who may read, draft and review configuration changes, as <see cref="CapabilityTable"/> says.</summary>
public static class ChangeControlAccess
{
    public static bool MayRead(ActorContext actor) => actor.Holds(Capability.ReadConfiguration);

    public static bool MayDraft(ActorContext actor) => actor.Holds(Capability.DraftChanges);

    /// <summary>
    /// Admins, or a business owner accountable for everything the items touch: every system, object, flow, journey and
    /// match rule, as published (a thing nobody owns needs an admin). Never the author: that is checked where the request is known.
    /// </summary>
    public static bool MayReview(ActorContext actor, IEnumerable<ChangeRequestItem> items, GovernanceConfiguration before, GovernanceConfiguration after) =>
        actor.HoldsFor(Capability.ReviewChanges, Accountability.ForChange(items, before, after));
}
