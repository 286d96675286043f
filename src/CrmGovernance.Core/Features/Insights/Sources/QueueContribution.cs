using System.Globalization;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights.Sources;

/// <summary>
/// Manual handling, one hour at a time: the review items that entered the queue, the decisions stewards took (and the
/// time they had the items open), the records that entered the error queue. An hour is counted again from the queue
/// itself whenever an event says it changed, so the figures are what the queues hold, not what the events said.
/// </summary>
public static class QueueContribution
{
    /// <summary>The statuses that are a steward's decision on a pair or a held change.</summary>
    public static readonly ReviewStatus[] Decisions = [ReviewStatus.Merged, ReviewStatus.NotDuplicate, ReviewStatus.ChangeApplied, ReviewStatus.ChangeDismissed];

    public static string ReviewKey(Guid systemId, Guid objectId, DateTime hour) => $"review:{systemId:N}:{objectId:N}:{Hour(hour)}";

    public static string DecisionsKey(Guid systemId, Guid objectId, DateTime hour) => $"decisions:{systemId:N}:{objectId:N}:{Hour(hour)}";

    public static string ErrorsKey(Guid? flowId, DateTime hour) => $"errors:{flowId ?? Guid.Empty:N}:{Hour(hour)}";

    public static async Task<IReadOnlyList<ContributionItem>> ReviewEnteredAsync(CrmDbContext db, Guid systemId, Guid objectId, DateTime hour, CancellationToken ct)
    {
        var (from, to) = Span(hour);
        // The hour's items by the time index, narrowed here: with the system and object in the query SQLite took the
        // (SystemId, ObjectId, …) index and read every item of the pair for each hour (a rebuild read them all once per hour).
        var created = await db.ReviewItems.AsNoTracking().Where(r => r.CreatedUtc >= from && r.CreatedUtc < to)
            .Select(r => new { r.SystemId, r.ObjectId, r.FlowId }).ToListAsync(ct);
        return created.Where(r => r.SystemId == systemId && r.ObjectId == objectId).GroupBy(r => r.FlowId)
            .Select(g => new ContributionItem(InsightMetric.ReviewEntered, g.Key ?? Guid.Empty, objectId, systemId, Guid.Empty, "", from, g.Count())).ToList();
    }

    public static async Task<IReadOnlyList<ContributionItem>> DecisionsAsync(CrmDbContext db, Guid systemId, Guid objectId, DateTime hour, CancellationToken ct)
    {
        var (from, to) = Span(hour);
        // By the time index, as above (the status, too, would take another index: every decided item).
        var inHour = await db.ReviewItems.AsNoTracking().Where(r => r.DecidedUtc >= from && r.DecidedUtc < to)
            .Select(r => new { r.SystemId, r.ObjectId, r.FlowId, r.Status, r.HandlingSeconds }).ToListAsync(ct);
        var decided = inHour.Where(r => r.SystemId == systemId && r.ObjectId == objectId && Decisions.Contains(r.Status)).ToList();
        return decided.GroupBy(d => d.FlowId ?? Guid.Empty).SelectMany(g => new[]
        {
            new ContributionItem(InsightMetric.StewardDecisions, g.Key, objectId, systemId, Guid.Empty, "", from, g.Count()),
            new ContributionItem(InsightMetric.StewardSeconds, g.Key, objectId, systemId, Guid.Empty, "", from, g.Sum(d => d.HandlingSeconds ?? 0)),
        }).ToList();
    }

    /// <summary>New error-queue items of a flow in the hour (another attempt at an open item is not a new one).</summary>
    public static async Task<IReadOnlyList<ContributionItem>> ErrorsEnteredAsync(CrmDbContext db, GovernanceConfiguration configuration, Guid? flowId, DateTime hour,
        CancellationToken ct)
    {
        var (from, to) = Span(hour);
        // By the time index, as above (the flow's own index would read every item the flow ever queued).
        var flows = await db.ErrorQueueItems.AsNoTracking().Where(e => e.CreatedUtc >= from && e.CreatedUtc < to).Select(e => e.FlowId).ToListAsync(ct);
        var count = flows.Count(f => f == flowId);
        if (count == 0)
        {
            return [];
        }
        var subject = flowId is { } id ? FlowSubject.Of(configuration, id) : new FlowSubject(Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty);
        return [new ContributionItem(InsightMetric.ErrorsEntered, subject.FlowId, subject.ObjectId, subject.SourceId, subject.TargetId, "", from, count)];
    }

    private static (DateTime From, DateTime To) Span(DateTime at)
    {
        var from = ContributionItem.HourOf(at);
        return (from, from.AddHours(1));
    }

    private static string Hour(DateTime at) => ContributionItem.HourOf(at).ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
}
