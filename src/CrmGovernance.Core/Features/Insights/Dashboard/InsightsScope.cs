using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Insights.Dashboard;

/// <summary>
/// Whose figures a caller may see: admins and managers everything; a business owner the objects they own (and the flows of
/// those objects). A filter naming something outside that is refused with the reason.
/// </summary>
public sealed record InsightsScope(bool Everything, IReadOnlySet<Guid> Objects)
{
    public static InsightsScope For(ActorContext actor, GovernanceConfiguration configuration)
    {
        actor.Ensure(Capability.ViewInsights);
        if (actor.HoldsEverywhere(Capability.ViewInsights))
        {
            return new InsightsScope(true, new HashSet<Guid>());
        }
        // Who owns an object is read as everywhere else (AccountableParty), with the roles the table scopes this capability to.
        var scoped = CapabilityTable.Of(Capability.ViewInsights).ScopedRoles;
        var owned = configuration.Objects.Where(o => new AccountableParty(o.DisplayName, [o.Owner], []).Includes(actor, scoped)).Select(o => o.Id).ToHashSet();
        return new InsightsScope(false, owned);
    }

    public bool Includes(Guid objectId) => Everything || Objects.Contains(objectId);

    /// <summary>Refuses a filter on an object, or a flow of an object, the caller may not see.</summary>
    public void Check(GovernanceConfiguration configuration, Guid? objectId, Guid? flowId)
    {
        if (objectId is { } o && !Includes(o))
        {
            throw new UnauthorizedAccessException("You can see the insights of the objects you own only; this object is not one of them.");
        }
        if (flowId is { } f && configuration.FindFlow(f) is { } flow && !Includes(flow.ObjectId))
        {
            throw new UnauthorizedAccessException("You can see the insights of the flows of objects you own only; this flow is not one of them.");
        }
    }
}
