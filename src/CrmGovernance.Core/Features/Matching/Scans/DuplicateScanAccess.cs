using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Matching.Review;

namespace CrmGovernance.Core.Features.Matching.Scans;

/// <summary>Who may start, watch and feed duplicate scans: those who work the review queue (admins and stewards, the Stewardship policy).</summary>
public static class DuplicateScanAccess
{
    public static bool MayScan(ActorContext actor) => ReviewAccess.MayReview(actor);

    internal static void Ensure(ActorContext actor)
    {
        if (!MayScan(actor))
        {
            throw new UnauthorizedAccessException("Only admins and stewards may work with duplicate scans.");
        }
    }
}
