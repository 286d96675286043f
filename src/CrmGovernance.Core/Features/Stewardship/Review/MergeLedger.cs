using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// The portal's side of a merge and its undoing, once the target system has been written: the crosswalk links, the
/// <see cref="RecordMerge"/>, the review item (one transaction), then the stored match index.
/// </summary>
internal sealed class MergeLedger(IDbContextFactory<CrmDbContext> contexts, MatchIndexStore index)
{
    /// <summary>Moves the merged record's links to the survivor, stores the merge and settles the item; returns the stored merge.</summary>
    /// <param name="handlingSeconds">How long the steward had the pair open (<see cref="HandlingTime"/>); null for a bulk merge.</param>
    public async Task<RecordMerge> MergedAsync(ReviewItem item, double? handlingSeconds, RecordMerge merge, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var links = await db.CrosswalkLinks
            .Where(l => l.TargetSystemId == merge.SystemId && l.ObjectId == merge.ObjectId && l.TargetId == merge.MergedId)
            .OrderBy(l => l.Id).ToListAsync(cancellationToken);
        merge.MovedLinksJson = ReviewJson.Links(links.Select(l => new MovedLink(l.Id, l.SourceSystemId, l.SourceId, l.FlowId, l.MergedFromId)).ToList());
        foreach (var link in links)
        {
            link.TargetId = merge.SurvivorId;
            link.MergedFromId = merge.MergedId;
        }
        db.RecordMerges.Add(merge);
        // The insights count the decision and the steward's time from this event (written with the merge).
        db.Raise(new ReviewItemsDecided(item.SystemId, item.ObjectId, 1), merge.MergedUtc);
        await db.SaveChangesAsync(cancellationToken);
        await db.ReviewItems.Where(r => r.Id == item.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ReviewStatus.Merged).SetProperty(r => r.MergeId, merge.Id).SetProperty(r => r.DeferredUntilUtc, (DateTime?)null)
            .SetProperty(r => r.DecidedBy, merge.MergedBy).SetProperty(r => r.DecidedUtc, merge.MergedUtc)
            .SetProperty(r => r.HandlingSeconds, handlingSeconds), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return merge;
    }

    /// <summary>Puts the links back where the merge found them, marks the merge undone and lets the item be decided again.</summary>
    /// <returns>How many links moved back (a link moved elsewhere since stays where it is).</returns>
    public async Task<int> UnmergedAsync(RecordMerge merge, string by, DateTime now, CancellationToken cancellationToken)
    {
        var moved = ReviewJson.Links(merge.MovedLinksJson).ToDictionary(l => l.LinkId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = moved.Keys.ToList();
        var links = await db.CrosswalkLinks.Where(l => ids.Contains(l.Id) && l.TargetId == merge.SurvivorId && l.MergedFromId == merge.MergedId)
            .ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            link.TargetId = merge.MergedId;
            link.MergedFromId = moved[link.Id].PreviousMergedFromId;
        }
        await db.SaveChangesAsync(cancellationToken);
        await db.RecordMerges.Where(m => m.Id == merge.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.UnmergedBy, by).SetProperty(m => m.UnmergedUtc, now), cancellationToken);
        await db.ReviewItems.Where(r => r.Id == merge.ReviewItemId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ReviewStatus.Unmerged).SetProperty(r => r.MergeId, (long?)null)
            .SetProperty(r => r.DecidedBy, (string?)null).SetProperty(r => r.DecidedUtc, (DateTime?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return links.Count;
    }

    /// <summary>
    /// Keeps the stored match index in step with the target: the removed record becomes a tombstone (when it has an
    /// entry), and the records with entries take their new values. Records without an entry are left out: the index
    /// holds what the worker and the change feed put there, and only for objects with a match rule.
    /// </summary>
    public async Task IndexAsync(ReviewTarget target, string? removedId, IReadOnlyList<ConnectorRecord> changed, CancellationToken cancellationToken)
    {
        var (systemId, objectId) = (target.System.Id, target.BusinessObject.Id);
        if (removedId is not null)
        {
            await index.RemoveAsync(systemId, objectId, [removedId], cancellationToken);
        }
        if (target.Configuration.MatchRuleOf(objectId) is not { } rule || changed.Count == 0)
        {
            return;
        }
        var ids = changed.Select(r => r.Id).ToList();
        List<string> indexed;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            indexed = await db.MatchIndexEntries.AsNoTracking().Where(e => e.SystemId == systemId && e.ObjectId == objectId && ids.Contains(e.RecordId))
                .Select(e => e.RecordId).ToListAsync(cancellationToken);
        }
        var fields = MatchFields.For(rule, target.Configuration.CatalogOf(systemId, objectId));
        var records = changed.Where(r => indexed.Contains(r.Id)).Select(r => fields.ToRecord(r.Id, r.Fields)).ToList();
        if (records.Count > 0)
        {
            await index.UpsertAsync(systemId, objectId, records, cancellationToken);
        }
    }
}
