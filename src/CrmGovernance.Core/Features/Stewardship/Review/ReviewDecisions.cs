using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// The decisions that need no target system: "not a duplicate" (remembered, so the pair is never suggested again) and
/// "defer" (the item comes back once its date has passed). Both take one item or many; items already decided are
/// left as they are. Each call is one audit entry listing every item with its status before and after.
/// </summary>
public sealed class ReviewDecisions(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>The longest reason a "not a duplicate" decision keeps.</summary>
    public const int MaxReasonLength = 2000;

    /// <param name="reason">Why, in the steward's words (optional); kept in the audit entry of the decision.</param>
    /// <param name="openedUtc">
    /// When the steward opened the pair on the comparison screen, for the steward time (<see cref="HandlingTime"/>); only
    /// for a decision on one item (a bulk decision's time per item is not known).
    /// </param>
    /// <returns>How many items were marked.</returns>
    public async Task<int> NotDuplicateAsync(IReadOnlyCollection<long> ids, string? reason = null, DateTime? openedUtc = null,
        CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.WorkReviewQueue);
        if (reason?.Length > MaxReasonLength)
        {
            throw new ArgumentException($"Keep the reason under {MaxReasonLength} characters.", nameof(reason));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var by = actor.Name;
        List<ReviewItem> decided;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            decided = await UndecidedAsync(db, ids, cancellationToken);
            var pairs = decided.Select(r => (r.SystemId, r.ObjectId, Pair: ReviewPairs.Ordered(r.LeftRecordId, r.RightRecordId), r.Id))
                .DistinctBy(p => (p.SystemId, p.ObjectId, p.Pair)).ToList();
            var lefts = pairs.Select(p => p.Pair.Left).Distinct().ToList();
            var existing = (await db.MatchExclusions.AsNoTracking().Where(e => lefts.Contains(e.LeftRecordId))
                    .Select(e => new { e.SystemId, e.ObjectId, e.LeftRecordId, e.RightRecordId }).ToListAsync(cancellationToken))
                .Select(e => (e.SystemId, e.ObjectId, (e.LeftRecordId, e.RightRecordId))).ToHashSet();
            db.MatchExclusions.AddRange(pairs.Where(p => !existing.Contains((p.SystemId, p.ObjectId, p.Pair))).Select(p => new MatchExclusion
            {
                SystemId = p.SystemId, ObjectId = p.ObjectId, LeftRecordId = p.Pair.Left, RightRecordId = p.Pair.Right, ReviewItemId = p.Id,
                DecidedBy = by, DecidedUtc = now,
            }));
            // The insights count the decisions and the steward's time from these events (written with the decision).
            foreach (var subject in decided.GroupBy(r => (r.SystemId, r.ObjectId)))
            {
                db.Raise(new ReviewItemsDecided(subject.Key.SystemId, subject.Key.ObjectId, subject.Count()), now);
            }
            await db.SaveChangesAsync(cancellationToken);
            var marking = decided.Select(r => r.Id).ToList();
            var seconds = ids.Count == 1 ? HandlingTime.Seconds(openedUtc, now) : null;
            await db.ReviewItems.Where(r => marking.Contains(r.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ReviewStatus.NotDuplicate).SetProperty(r => r.DecidedBy, by).SetProperty(r => r.DecidedUtc, now)
                .SetProperty(r => r.DeferredUntilUtc, (DateTime?)null).SetProperty(r => r.HandlingSeconds, seconds), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await RecordAsync(AuditActions.ReviewNotDuplicate, decided, r => new
        {
            id = r.Id, left = r.LeftRecordId, right = r.RightRecordId, before = r.Status.ToString(), after = nameof(ReviewStatus.NotDuplicate),
        }, cancellationToken, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        return decided.Count;
    }

    /// <summary>Sets items aside until <paramref name="untilUtc"/>, which must be in the future.</summary>
    /// <returns>How many items were deferred.</returns>
    public async Task<int> DeferAsync(IReadOnlyCollection<long> ids, DateTime untilUtc, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.WorkReviewQueue);
        var now = clock.GetUtcNow().UtcDateTime;
        untilUtc = untilUtc.Kind == DateTimeKind.Utc ? untilUtc : untilUtc.ToUniversalTime();
        if (untilUtc <= now)
        {
            throw new ArgumentException("Defer to a time in the future.", nameof(untilUtc));
        }
        var by = actor.Name;
        List<ReviewItem> deferred;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            deferred = await UndecidedAsync(db, ids, cancellationToken);
            var marking = deferred.Select(r => r.Id).ToList();
            await db.ReviewItems.Where(r => marking.Contains(r.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ReviewStatus.Deferred).SetProperty(r => r.DeferredUntilUtc, untilUtc)
                .SetProperty(r => r.DecidedBy, by).SetProperty(r => r.DecidedUtc, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await RecordAsync(AuditActions.ReviewDefer, deferred, r => new
        {
            id = r.Id, before = new { status = r.Status.ToString(), deferredUntil = r.DeferredUntilUtc }, after = new { status = nameof(ReviewStatus.Deferred), deferredUntil = untilUtc },
        }, cancellationToken);
        return deferred.Count;
    }

    private static Task<List<ReviewItem>> UndecidedAsync(CrmDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        db.ReviewItems.AsNoTracking()
            .Where(r => ids.Contains(r.Id) && (r.Status == ReviewStatus.Open || r.Status == ReviewStatus.Deferred || r.Status == ReviewStatus.Unmerged))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);

    private async Task RecordAsync(string action, List<ReviewItem> items, Func<ReviewItem, object> describe, CancellationToken cancellationToken,
        string? reason = null)
    {
        if (items.Count > 0)
        {
            object details = reason is null
                ? new { count = items.Count, items = items.Select(describe) }
                : new { reason, count = items.Count, items = items.Select(describe) };
            await audit.RecordAsync(action, ReviewQueueService.AuditEntityType, ReviewQueueService.Subject(items.Select(r => r.Id)),
                details, cancellationToken: cancellationToken);
        }
    }
}
