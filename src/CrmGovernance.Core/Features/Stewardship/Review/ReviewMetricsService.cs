using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>Computes <see cref="ReviewMetrics"/> from the review items: counts and medians in the database, one row per decision at most.</summary>
public sealed class ReviewMetricsService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, TimeProvider clock)
{
    public async Task<ReviewMetrics> MetricsAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewReviewQueue);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-ReviewMetrics.WindowDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var waiting = ReviewQueries.Waiting(db.ReviewItems.AsNoTracking(), now);
        var count = await waiting.CountAsync(cancellationToken);
        var deferred = await db.ReviewItems.CountAsync(r => r.Status == ReviewStatus.Deferred && r.DeferredUntilUtc > now, cancellationToken);
        DateTime? oldest = count == 0 ? null : await waiting.MinAsync(r => r.CreatedUtc, cancellationToken);
        // The median of the creation times is the creation time of the median age: one row read, not the queue.
        DateTime? median = count == 0 ? null
            : await waiting.OrderBy(r => r.CreatedUtc).Skip((count - 1) / 2).Select(r => (DateTime?)r.CreatedUtc).FirstAsync(cancellationToken);
        var resolved = await db.ReviewItems.AsNoTracking()
            .Where(r => (r.Status == ReviewStatus.Merged || r.Status == ReviewStatus.NotDuplicate) && r.DecidedUtc >= since)
            .Select(r => new { r.CreatedUtc, r.DecidedUtc }).ToListAsync(cancellationToken);
        var durations = resolved.Select(r => r.DecidedUtc!.Value - r.CreatedUtc).Order().ToList();
        var decisions = await db.ReviewItems.AsNoTracking()
            .Where(r => r.DecidedBy != null && r.DecidedUtc >= since
                && (r.Status == ReviewStatus.Merged || r.Status == ReviewStatus.NotDuplicate || r.Status == ReviewStatus.Deferred))
            .GroupBy(r => new { r.DecidedBy, r.Status })
            .Select(g => new { g.Key.DecidedBy, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var perSteward = decisions.GroupBy(d => d.DecidedBy!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new StewardDecisions(g.Key,
                g.Where(d => d.Status == ReviewStatus.Merged).Sum(d => d.Count),
                g.Where(d => d.Status == ReviewStatus.NotDuplicate).Sum(d => d.Count),
                g.Where(d => d.Status == ReviewStatus.Deferred).Sum(d => d.Count)))
            .OrderByDescending(s => s.Total).ThenBy(s => s.Steward, StringComparer.OrdinalIgnoreCase).ToList();
        return new ReviewMetrics(count, deferred, now - oldest, now - median,
            durations.Count == 0 ? null : Median(durations), durations.Count, perSteward);
    }

    private static TimeSpan Median(List<TimeSpan> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
