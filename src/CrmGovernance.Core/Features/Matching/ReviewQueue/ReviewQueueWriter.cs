using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

/// <summary>
/// Files candidate pairs in the review queue: a pair marked "not a duplicate" is never filed again, and a pair already
/// waiting (open, deferred or unmerged) or merged is not filed twice. The order of a pair's ids does not matter. Held
/// changes (a fuzzy match's identity values the run did not write) follow <see cref="FileAsync"/>'s rules.
/// </summary>
public sealed class ReviewQueueWriter(IDbContextFactory<CrmDbContext> contexts, TimeProvider time)
{
    // Each chunk's lookups name at most twice this many ids, well under SQLite's parameter limit.
    private const int Chunk = 250;

    /// <summary>Files the candidates in a transaction of its own and returns how many new review items were created.</summary>
    public async Task<int> AddAsync(IReadOnlyList<ReviewCandidate> candidates, CancellationToken cancellationToken)
    {
        if (Fresh(candidates).Count == 0)
        {
            return 0;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One write transaction: two writers (the worker and a scan feeding the queue) cannot file the same pair twice.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await FileAsync(db, candidates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// Files the candidates through the caller's context, inside the caller's write transaction: a run files a batch's
    /// pairs and held changes with the batch's record, so a crash cannot keep the one without the other. A held change
    /// already filed with the same values is not filed again (a re-run of the batch, or a change the steward dismissed);
    /// a different proposal for a pair still waiting replaces the waiting one (the steward decides on the latest values).
    /// Returns how many new review items were created.
    /// </summary>
    public async Task<int> FileAsync(CrmDbContext db, IReadOnlyList<ReviewCandidate> candidates, CancellationToken cancellationToken)
    {
        var fresh = Fresh(candidates);
        if (fresh.Count == 0)
        {
            return 0;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var group in fresh.GroupBy(c => (c.SystemId, c.ObjectId)))
        {
            var addedBefore = added;
            foreach (var chunk in group.Chunk(Chunk))
            {
                var known = await KnownPairsAsync(db, group.Key.SystemId, group.Key.ObjectId, chunk, cancellationToken);
                var held = await HeldChangesAsync(db, group.Key.SystemId, group.Key.ObjectId, chunk, cancellationToken);
                var items = new List<ReviewItem>();
                foreach (var candidate in chunk)
                {
                    var pair = ReviewPairs.Ordered(candidate.LeftRecordId, candidate.RightRecordId);
                    if (candidate.ProposedChanges is { Count: > 0 } proposed && !known.Excluded.Contains(pair))
                    {
                        if (Refresh(held.GetValueOrDefault(pair) ?? [], candidate, ReviewJson.ProposedChanges(proposed)) is { } fileAnew)
                        {
                            items.Add(New(candidate, fileAnew, now));
                        }
                    }
                    else if (!known.Filed.Contains(pair) && !known.Excluded.Contains(pair))
                    {
                        items.Add(New(candidate, null, now));
                    }
                }
                db.ReviewItems.AddRange(items);
                added += items.Count;
            }
            if (added > addedBefore)
            {
                db.Raise(new RecordsQueuedForReview(group.Key.SystemId, group.Key.ObjectId, added - addedBefore, group.First().RunId, group.First().ScanId), now);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static List<ReviewCandidate> Fresh(IReadOnlyList<ReviewCandidate> candidates) =>
        candidates
            .Where(c => !string.IsNullOrEmpty(c.LeftRecordId) && !string.IsNullOrEmpty(c.RightRecordId) && c.LeftRecordId != c.RightRecordId)
            .DistinctBy(c => (c.SystemId, c.ObjectId, ReviewPairs.Ordered(c.LeftRecordId, c.RightRecordId)))
            .ToList();

    /// <summary>
    /// What a held change does to the pair's earlier held changes: nothing when one holds the same values (returns null),
    /// else it replaces the values of the one still waiting (returns null), else it is filed anew (returns its values).
    /// </summary>
    private static string? Refresh(List<ReviewItem> earlier, ReviewCandidate candidate, string proposedJson)
    {
        if (earlier.Any(e => e.ProposedChangesJson == proposedJson))
        {
            return null;
        }
        if (earlier.FirstOrDefault(e => e.Status is ReviewStatus.Open or ReviewStatus.Deferred) is { } waiting)
        {
            (waiting.ProposedChangesJson, waiting.Score, waiting.RunId) = (proposedJson, candidate.Score, candidate.RunId ?? waiting.RunId);
            return null;
        }
        return proposedJson;
    }

    private static ReviewItem New(ReviewCandidate c, string? proposedJson, DateTime now) => new()
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
        ProposedChangesJson = proposedJson,
        Status = ReviewStatus.Open,
        CreatedUtc = now,
    };

    /// <summary>The held changes already filed for the chunk's pairs (tracked, so a waiting one can take newer values).</summary>
    private static async Task<Dictionary<(string, string), List<ReviewItem>>> HeldChangesAsync(CrmDbContext db, Guid systemId, Guid objectId,
        ReviewCandidate[] chunk, CancellationToken cancellationToken)
    {
        var ids = chunk.Where(c => c.ProposedChanges is { Count: > 0 }).SelectMany(c => new[] { c.LeftRecordId, c.RightRecordId })
            .Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var items = await db.ReviewItems
            .Where(r => r.SystemId == systemId && r.ObjectId == objectId && r.ProposedChangesJson != null
                && ids.Contains(r.LeftRecordId) && ids.Contains(r.RightRecordId))
            .ToListAsync(cancellationToken);
        return items.GroupBy(r => ReviewPairs.Ordered(r.LeftRecordId, r.RightRecordId)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Id).ToList());
    }

    /// <summary>
    /// The chunk's pairs (ordered) that are excluded, or already waiting or merged, in either order. Every status but
    /// NotDuplicate blocks: a NotDuplicate pair is excluded anyway, and an Unmerged one waits for its decision again.
    /// </summary>
    private static async Task<(HashSet<(string, string)> Excluded, HashSet<(string, string)> Filed)> KnownPairsAsync(CrmDbContext db, Guid systemId, Guid objectId, ReviewCandidate[] chunk,
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
        return (excluded.Select(e => ReviewPairs.Ordered(e.LeftRecordId, e.RightRecordId)).ToHashSet(),
            filed.Select(r => ReviewPairs.Ordered(r.LeftRecordId, r.RightRecordId)).ToHashSet());
    }
}
