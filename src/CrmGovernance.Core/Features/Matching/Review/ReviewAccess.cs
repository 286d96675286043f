using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Users;

namespace CrmGovernance.Core.Features.Matching.Review;

/// <summary>Who may work the review queue (decide, merge, unmerge, assign): admins and stewards, as the Stewardship policy.</summary>
public static class ReviewAccess
{
    public static bool MayReview(ActorContext actor) => actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Steward);

    internal static void Ensure(ActorContext actor)
    {
        if (!MayReview(actor))
        {
            throw new UnauthorizedAccessException("Only admins and stewards may work the review queue.");
        }
    }
}
