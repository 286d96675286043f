using CrmGovernance.Core.Data;
using CrmGovernance.Core.Hosting.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>Open error-queue items by kind, for <c>crmgov.error_queue.open</c> (counted on the Status index).</summary>
internal sealed class ErrorQueueDepth(DbContextOptions<CrmDbContext> database) : IQueueDepthSource
{
    public async Task<IReadOnlyList<QueueDepth>> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = new CrmDbContext(database);
        var open = await db.ErrorQueueItems.Where(e => e.Status == ErrorStatus.Open).GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        // Every kind is reported, zero included, so a queue that empties shows 0 rather than vanishing.
        return [.. Enum.GetValues<ErrorKind>().Select(k => new QueueDepth(QueueGauge.ErrorQueueOpen, k.ToString(), open.Find(o => o.Kind == k)?.Count ?? 0))];
    }
}
