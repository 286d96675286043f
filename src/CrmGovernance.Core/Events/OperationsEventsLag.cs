using CrmGovernance.Core.Data;
using CrmGovernance.Core.Hosting.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Events;

/// <summary>
/// Per subscriber, how many outbox events it has not handled yet (the head's sequence less its position), for
/// <c>crmgov.operations_events.lag</c>. A subscriber that runs on every node (<c>live-screens@machine/pid</c>) is one
/// label without its node, with the least lag among its nodes: a stopped node's row lingers until pruned and must not
/// read as a stuck queue, and the label must not grow with every restart.
/// </summary>
internal sealed class OperationsEventsLag(DbContextOptions<CrmDbContext> database) : IQueueDepthSource
{
    public async Task<IReadOnlyList<QueueDepth>> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = new CrmDbContext(database);
        var head = await db.OperationsEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var consumers = await db.OperationsEventConsumers.AsNoTracking().Select(c => new { c.Subscriber, c.Position }).ToListAsync(cancellationToken);
        return [.. consumers.GroupBy(c => c.Subscriber.Split('@')[0], StringComparer.Ordinal)
            .Select(g => new QueueDepth(QueueGauge.OperationsEventsLag, g.Key, Math.Max(0, head - g.Max(c => c.Position))))];
    }
}
