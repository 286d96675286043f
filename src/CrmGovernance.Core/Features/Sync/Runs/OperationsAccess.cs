using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Users;

namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>Who may watch runs and work the error queue: admins, business owners and stewards.</summary>
public static class OperationsAccess
{
    public static bool MayOperate(ActorContext actor) =>
        actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.BusinessOwner) || actor.IsInRole(Roles.Steward);

    internal static void Ensure(ActorContext actor)
    {
        if (!MayOperate(actor))
        {
            throw new UnauthorizedAccessException("Only admins, business owners and stewards may see runs and the error queue.");
        }
    }
}
