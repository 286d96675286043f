using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Insights.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights.Dashboard;

/// <summary>Reads the buckets of a time window narrowed by object, flow, system and the caller's scope, as they are or summed in SQL.</summary>
public static class BucketReader
{
    /// <summary>Periods up to this many days are shown hour by hour.</summary>
    public const int HourlyUpToDays = 3;

    public static BucketSize SizeFor(InsightsFilter filter) => filter.Days <= HourlyUpToDays ? BucketSize.Hour : BucketSize.Day;

    public static async Task<List<BucketRow>> ReadAsync(CrmDbContext db, BucketSize size, DateTime fromUtc, DateTime toUtc, Guid? objectId, Guid? flowId,
        Guid? systemId, InsightsScope scope, IReadOnlyCollection<Guid>? flows, CancellationToken ct) =>
        await Filtered(db, size, fromUtc, toUtc, objectId, flowId, systemId, scope, flows)
            .Select(b => new BucketRow(b.PeriodStartUtc, b.Metric, b.FlowId, b.ObjectId, b.Dimension, b.Value)).ToListAsync(ct);

    /// <summary>
    /// The window summed in SQL per metric, flow, object and dimension (every row's period is <paramref name="fromUtc"/>):
    /// what totals, flows and objects are computed from, in a few hundred rows instead of one per bucket.
    /// </summary>
    public static async Task<List<BucketRow>> SumBySubjectAsync(CrmDbContext db, BucketSize size, DateTime fromUtc, DateTime toUtc, Guid? objectId, Guid? flowId,
        Guid? systemId, InsightsScope scope, IReadOnlyCollection<Guid>? flows, CancellationToken ct) =>
        await Filtered(db, size, fromUtc, toUtc, objectId, flowId, systemId, scope, flows)
            .GroupBy(b => new { b.Metric, b.FlowId, b.ObjectId, b.Dimension })
            .Select(g => new BucketRow(fromUtc, g.Key.Metric, g.Key.FlowId, g.Key.ObjectId, g.Key.Dimension, g.Sum(b => b.Value))).ToListAsync(ct);

    /// <summary>
    /// The window summed in SQL per period and metric over all subjects, keeping the dimension of histograms only: what a
    /// trend point is computed from (the histograms' dimensions are their buckets; no card reads another dimension per period).
    /// </summary>
    public static async Task<List<BucketRow>> SumByPeriodAsync(CrmDbContext db, BucketSize size, DateTime fromUtc, DateTime toUtc, Guid? objectId, Guid? flowId,
        Guid? systemId, InsightsScope scope, CancellationToken ct) =>
        await Filtered(db, size, fromUtc, toUtc, objectId, flowId, systemId, scope, null)
            .GroupBy(b => new
            {
                b.PeriodStartUtc, b.Metric,
                Dimension = b.Metric == InsightMetric.LeadHistogram || b.Metric == InsightMetric.IncidentResolveHistogram ? b.Dimension : "",
            })
            .Select(g => new BucketRow(g.Key.PeriodStartUtc, g.Key.Metric, Guid.Empty, Guid.Empty, g.Key.Dimension, g.Sum(b => b.Value))).ToListAsync(ct);

    private static IQueryable<MetricBucket> Filtered(CrmDbContext db, BucketSize size, DateTime fromUtc, DateTime toUtc, Guid? objectId, Guid? flowId,
        Guid? systemId, InsightsScope scope, IReadOnlyCollection<Guid>? flows)
    {
        var query = db.Set<MetricBucket>().AsNoTracking().Where(b => b.Size == size && b.PeriodStartUtc >= fromUtc && b.PeriodStartUtc < toUtc);
        if (objectId is { } o)
        {
            query = query.Where(b => b.ObjectId == o);
        }
        if (flowId is { } f)
        {
            query = query.Where(b => b.FlowId == f);
        }
        if (flows is not null)
        {
            query = query.Where(b => flows.Contains(b.FlowId));
        }
        if (systemId is { } s)
        {
            query = query.Where(b => b.SystemId == s || b.TargetSystemId == s);
        }
        if (!scope.Everything)
        {
            var allowed = scope.Objects.ToList();
            query = query.Where(b => allowed.Contains(b.ObjectId));
        }
        return query;
    }

    public static FigureSet Sum(IEnumerable<BucketRow> rows)
    {
        var set = new FigureSet();
        foreach (var row in rows)
        {
            set.Add(row.Metric, row.Dimension, row.Value);
        }
        return set;
    }
}
