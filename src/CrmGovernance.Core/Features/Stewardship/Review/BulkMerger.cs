using CrmGovernance.Core.Access;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// Merges many high-scoring pairs with the default choices (<see cref="MergeDefaults"/>), one after another, each as a
/// steward's single merge would: read, written to the target, recorded, undoable. A pair whose mailboxes and employers
/// both differ is left for a steward to decide alone, whatever its score: two people who share a name score high.
/// </summary>
public sealed class BulkMerger(ReviewComparisonService comparisons, MergeService merges, ActorContext actor)
{
    public async Task<BulkMergeResult> MergeWithDefaultsAsync(IReadOnlyCollection<long> ids, double minScore, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.WorkReviewQueue);
        var (merged, below, distinct) = (0, 0, 0);
        var failed = new List<(long, string)>();
        foreach (var id in ids.Order())
        {
            var comparison = await comparisons.CompareAsync(id, cancellationToken);
            if (comparison is null || comparison.Item.Score < minScore)
            {
                below += comparison is null ? 0 : 1;
                continue;
            }
            if (!comparison.CanMerge)
            {
                failed.Add((id, comparison.TargetProblem ?? $"It is {comparison.Item.Status}, not waiting for a decision."));
                continue;
            }
            if (comparison.MailboxAndEmployerDiffer)
            {
                distinct++;
                continue;
            }
            var survivor = MergeDefaults.Survivor(comparison);
            var outcome = await merges.MergeAsync(new MergeRequest(id, survivor, MergeDefaults.Choices(comparison, survivor))
            {
                LeftSeen = comparison.Left!.Fields, RightSeen = comparison.Right!.Fields,
            }, cancellationToken);
            if (outcome.Succeeded)
            {
                merged++;
            }
            else
            {
                failed.Add((id, outcome.Error!));
            }
        }
        return new BulkMergeResult(merged, below, failed) { MailboxAndEmployerDiffer = distinct };
    }
}
