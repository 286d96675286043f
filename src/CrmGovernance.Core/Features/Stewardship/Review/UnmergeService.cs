using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// Undoes a merge from what it kept: re-creates the merged record with its id and all its values before, writes the
/// survivor's values before back (clearing fields that were empty), moves the crosswalk links back and restores the
/// match index entries. The review item waits for a decision again. A survivor changed since the merge is not
/// overwritten unless the steward confirms it, having seen the changes in the <see cref="UnmergePreview"/>.
/// </summary>
public sealed class UnmergeService(
    IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, TimeProvider clock,
    PublishedConfiguration published, IConnectorFactory connectors, MatchIndexStore index)
{
    public async Task<UnmergePreview?> PreviewAsync(long mergeId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewReviewQueue);
        if (await MergeAsync(mergeId, cancellationToken) is not { } merge)
        {
            return null;
        }
        var (target, problem) = ReviewTarget.For((await published.CurrentAsync(cancellationToken)).Configuration, merge.SystemId, merge.ObjectId);
        if (target is null)
        {
            return Preview(merge, "an unknown system", problem, null);
        }
        try
        {
            await using var connector = connectors.Open(target.System);
            var survivor = (await target.ReadAsync(connector, [merge.SurvivorId], cancellationToken)).GetValueOrDefault(merge.SurvivorId);
            return Preview(merge, target.System.Name, survivor is null ? $"The survivor {merge.SurvivorId} is no longer in {target.System.Name}." : null, survivor);
        }
        catch (Exception e) when (target.Problem(e) is { } message)
        {
            return Preview(merge, target.System.Name, message, null);
        }
    }

    /// <param name="overwriteChanges">Write the values back even over fields of the survivor that changed since the merge.</param>
    public async Task<ReviewOutcome> UnmergeAsync(long mergeId, bool overwriteChanges, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.WorkReviewQueue);
        return await MergeService.OneAtATimeAsync(contexts, () => UnmergeLockedAsync(mergeId, overwriteChanges, cancellationToken), cancellationToken);
    }

    private async Task<ReviewOutcome> UnmergeLockedAsync(long mergeId, bool overwriteChanges, CancellationToken cancellationToken)
    {
        var preview = await PreviewAsync(mergeId, cancellationToken);
        if (preview is null)
        {
            return ReviewOutcome.Fail($"There is no merge {mergeId}.");
        }
        var merge = preview.Merge;
        if (merge.UnmergedUtc is not null)
        {
            return ReviewOutcome.Fail($"This merge was already undone by {merge.UnmergedBy}.");
        }
        if (preview.TargetProblem is { } problem)
        {
            return ReviewOutcome.Fail(problem + " Nothing was undone.");
        }
        if (preview.Conflicts.Count > 0 && !overwriteChanges)
        {
            return ReviewOutcome.Fail($"The survivor changed since the merge ({string.Join(", ", preview.Conflicts.Select(c => c.Name))}). " +
                "Unmerging writes the values from before the merge over those changes: check them, then confirm to overwrite.");
        }
        var (target, _) = ReviewTarget.For((await published.CurrentAsync(cancellationToken)).Configuration, merge.SystemId, merge.ObjectId);
        var restore = preview.Survivor.ToDictionary(f => f.Name, f => f.Restore, StringComparer.Ordinal);
        try
        {
            await using var connector = connectors.Open(target!.System);
            var key = target.BusinessObject.Key;
            if ((await connector.WriteBatchAsync(key, [new RecordWrite(merge.MergedId, preview.Recreate, IsNew: true)], cancellationToken))
                .FirstOrDefault(r => !r.Succeeded) is { } refused)
            {
                return ReviewOutcome.Fail($"{target.System.Name} refused to re-create record {merge.MergedId}: {refused.Error} Nothing was undone.");
            }
            if (restore.Count > 0 && (await connector.WriteBatchAsync(key, [new RecordWrite(merge.SurvivorId, restore, IsNew: false)], cancellationToken))
                .FirstOrDefault(r => !r.Succeeded) is { } refusedSurvivor)
            {
                return ReviewOutcome.Fail($"Record {merge.MergedId} is back, but {target.System.Name} refused the survivor's earlier values: " +
                    $"{refusedSurvivor.Error} Try the unmerge again once that is fixed.");
            }
        }
        catch (Exception e) when (target!.Problem(e) is { } message)
        {
            return ReviewOutcome.Fail(message + " Try the unmerge again: it can be repeated safely.");
        }
        var ledger = new MergeLedger(contexts, index);
        var linksBack = await ledger.UnmergedAsync(merge, actor.Name, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var survivorBefore = ReviewJson.Fields(merge.SurvivorBeforeJson);
        await ledger.IndexAsync(target, null,
            [new ConnectorRecord(merge.MergedId, preview.Recreate), new ConnectorRecord(merge.SurvivorId, survivorBefore)], cancellationToken);
        await audit.RecordAsync(AuditActions.ReviewUnmerge, ReviewQueueService.AuditEntityType, merge.ReviewItemId.ToString(CultureInfo.InvariantCulture), new
        {
            system = target.System.Key, @object = target.BusinessObject.Key, mergeId = merge.Id, survivor = merge.SurvivorId, merged = merge.MergedId,
            linksMovedBack = linksBack, overwrote = preview.Conflicts.Select(c => c.Name).ToList(),
            before = new { survivor = preview.Survivor.ToDictionary(f => f.Name, f => f.Now), merged = (object?)null },
            after = new { survivor = survivorBefore, merged = preview.Recreate },
        }, cancellationToken: cancellationToken);
        return ReviewOutcome.Done(merge.Id);
    }

    private async Task<RecordMerge?> MergeAsync(long mergeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RecordMerges.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mergeId, cancellationToken);
    }

    /// <summary>The survivor's fields to write back: those whose value now is not the value before the merge.</summary>
    private static UnmergePreview Preview(RecordMerge merge, string systemName, string? problem, ConnectorRecord? survivor)
    {
        var before = ReviewJson.Fields(merge.SurvivorBeforeJson);
        var after = ReviewJson.Fields(merge.SurvivorAfterJson);
        var fields = survivor is null ? [] : before
            .Select(f => (f.Key, Now: ReviewTarget.Value(survivor, f.Key), Restore: f.Value))
            .Where(f => !string.Equals(f.Now, f.Restore, StringComparison.Ordinal))
            .Select(f => new UnmergeField(f.Key, f.Now, f.Restore, !string.Equals(f.Now, after.GetValueOrDefault(f.Key), StringComparison.Ordinal)))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        return new UnmergePreview(merge, systemName, problem, fields, ReviewJson.Fields(merge.MergedBeforeJson));
    }
}
