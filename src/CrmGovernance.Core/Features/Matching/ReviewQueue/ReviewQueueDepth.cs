using CrmGovernance.Core.Data;
using CrmGovernance.Core.Hosting.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

/// <summary>Review items waiting for a steward (open or deferred), duplicates and held changes apart, for <c>crmgov.review_queue.pending</c>.</summary>
internal sealed class ReviewQueueDepth(DbContextOptions<CrmDbContext> database) : IQueueDepthSource
{
    public async Task<IReadOnlyList<QueueDepth>> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = new CrmDbContext(database);
        var pending = await db.ReviewItems.Where(r => r.Status == ReviewStatus.Open || r.Status == ReviewStatus.Deferred)
            .GroupBy(r => r.ProposedChangesJson != null).Select(g => new { Held = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        return
        [
            new(QueueGauge.ReviewQueuePending, "duplicate", pending.Find(p => !p.Held)?.Count ?? 0),
            new(QueueGauge.ReviewQueuePending, "held_change", pending.Find(p => p.Held)?.Count ?? 0),
        ];
    }
}
