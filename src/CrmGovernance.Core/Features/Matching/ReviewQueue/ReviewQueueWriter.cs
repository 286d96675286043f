using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

/// <summary>
/// Files candidate pairs in the review queue: a pair marked "not a duplicate" is never filed again, and a pair already
/// waiting (open, deferred or unmerged) or merged is not filed twice. The order of a pair's ids does not matter.
/// </summary>
public sealed class ReviewQueueWriter(IDbContextFactory<CrmDbContext> contexts, TimeProvider time)
{
    // Each chunk's lookups name at most twice this many ids, well under SQLite's parameter limit.
    private const int Chunk = 250;

    /// <summary>Files the candidates and returns how many new review items were created.</summary>
    public async Task<int> AddAsync(IReadOnlyList<ReviewCandidate> candidates, CancellationToken cancellationToken)
    {
        var fresh = candidates
            .Where(c => !string.IsNullOrEmpty(c.LeftRecordId) && !string.IsNullOrEmpty(c.RightRecordId) && c.LeftRecordId != c.RightRecordId)
            .DistinctBy(c => (c.SystemId, c.ObjectId, ReviewPairs.Ordered(c.LeftRecordId, c.RightRecordId)))
            .ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One write transaction: two writers (the worker and a scan feeding the queue) cannot file the same pair twice.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var group in fresh.GroupBy(c => (c.SystemId, c.ObjectId)))
        {
            var addedBefore = added;
            foreach (var chunk in group.Chunk(Chunk))
            {
                var known = await KnownPairsAsync(db, group.Key.SystemId, group.Key.ObjectId, chunk, cancellationToken);
                var items = chunk.Where(c => !known.Contains(ReviewPairs.Ordered(c.LeftRecordId, c.RightRecordId)))
                    .Select(c => new ReviewItem
                    {
                        SystemId = c.SystemId,
                        ObjectId = c.ObjectId,
                        FlowId = c.FlowId,
                        RunId = c.RunId,
                        ScanId = c.ScanId,
                        LeftRecordId = c.LeftRecordId,
                        RightRecordId = c.RightRecordId,
                        Score = c.Score,
                        ExplanationJson = ReviewJson.Explanations(c.Explanations),
                        ProposedChangesJson = c.ProposedChanges is { Count: > 0 } proposed ? ReviewJson.ProposedChanges(proposed) : null,
                        Status = ReviewStatus.Open,
                        CreatedUtc = now,
                    })
                    .ToList();
                db.ReviewItems.AddRange(items);
                added += items.Count;
            }
            if (added > addedBefore)
            {
                db.Raise(new RecordsQueuedForReview(group.Key.SystemId, group.Key.ObjectId, added - addedBefore, group.First().RunId, group.First().ScanId), now);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// The chunk's pairs (ordered) that are excluded, or already waiting or merged, in either order. Every status but
    /// NotDuplicate blocks: a NotDuplicate pair is excluded anyway, and an Unmerged one waits for its decision again.
    /// </summary>
    private static async Task<HashSet<(string, string)>> KnownPairsAsync(CrmDbContext db, Guid systemId, Guid objectId, ReviewCandidate[] chunk,
        CancellationToken cancellationToken)
    {
        var ids = chunk.SelectMany(c => new[] { c.LeftRecordId, c.RightRecordId }).Distinct(StringComparer.Ordinal).ToList();
        var excluded = await db.MatchExclusions.AsNoTracking()
            .Where(e => e.SystemId == systemId && e.ObjectId == objectId && ids.Contains(e.LeftRecordId) && ids.Contains(e.RightRecordId))
            .Select(e => new { e.LeftRecordId, e.RightRecordId })
            .ToListAsync(cancellationToken);
        var filed = await db.ReviewItems.AsNoTracking()
            .Where(r => r.SystemId == systemId && r.ObjectId == objectId && r.Status != ReviewStatus.NotDuplicate
                && ids.Contains(r.LeftRecordId) && ids.Contains(r.RightRecordId))
            .Select(r => new { r.LeftRecordId, r.RightRecordId })
            .ToListAsync(cancellationToken);
        return excluded.Select(e => ReviewPairs.Ordered(e.LeftRecordId, e.RightRecordId))
            .Concat(filed.Select(r => ReviewPairs.Ordered(r.LeftRecordId, r.RightRecordId)))
            .ToHashSet();
    }
}
