using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Insights.Baselines;
using CrmGovernance.Core.Features.Insights.Rollups;
using Microsoft.EntityFrameworkCore;
using M = CrmGovernance.Core.Features.Insights.Rollups.InsightMetric;

namespace CrmGovernance.Core.Features.Insights.Dashboard;

/// <summary>
/// The manager dashboard's data for a filter: every card with its value, baseline and trend, the flows, the top rejection
/// reasons, duplicates per object and the versions published in the period. Three summing bucket queries (the period
/// twice, its baseline) and two small lookups; the record ledger is never read.
/// </summary>
public sealed class InsightsDashboard(IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published, ActorContext actor)
{
    public async Task<DashboardData> LoadAsync(InsightsFilter filter, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewInsights);
        if (filter.Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var scope = InsightsScope.For(actor, configuration);
        scope.Check(configuration, filter.ObjectId, filter.FlowId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var baseline = await BaselineAsync(db, configuration, filter, cancellationToken);
        var size = BucketReader.SizeFor(filter);
        // Summed in SQL (per subject for the totals, flows and objects; per period for the trends): reading every bucket
        // row of 90 days and their baseline took about 1 s on a year of ten thousand runs.
        var current = await BucketReader.SumBySubjectAsync(db, size, filter.FromUtc, filter.ToUtc, filter.ObjectId, filter.FlowId, filter.SystemId, scope, null,
            cancellationToken);
        var trend = await BucketReader.SumByPeriodAsync(db, size, filter.FromUtc, filter.ToUtc, filter.ObjectId, filter.FlowId, filter.SystemId, scope, cancellationToken);
        var before = await BucketReader.SumBySubjectAsync(db, BucketSize.Day, Utc(baseline.From), Utc(baseline.To.AddDays(1)), filter.ObjectId, filter.FlowId,
            filter.SystemId, scope, null, cancellationToken);
        var now = BucketReader.Sum(current);
        var then = BucketReader.Sum(before);
        var scale = (double)filter.Days / baseline.Days;
        var periods = Periods(filter, size);
        var byPeriod = trend.GroupBy(r => r.PeriodStartUtc).ToDictionary(g => g.Key, BucketReader.Sum);
        var cards = InsightCards.All.Select(d => new InsightCard(d.Key, d.Title, d.Group, d.Unit, d.HigherIsBetter, d.Compute(now),
            // A baseline with no data at all (before the first run) is no baseline: a count there would read as 0 and every change as a gain.
            !then.IsEmpty && d.Compute(then) is { } b ? (d.Unit == MetricUnit.Count || d.Key == InsightCards.StewardTime ? b * scale : b) : null,
            periods.Select(p => new TrendPoint(p, byPeriod.TryGetValue(p, out var set) ? d.Compute(set) : d.Unit is MetricUnit.Count ? 0 : null)).ToList(),
            Note(d.Key, now))).ToList();
        return new DashboardData(filter, baseline, size, cards, await VersionsAsync(db, filter.FromUtc, filter.ToUtc, cancellationToken),
            Flows(configuration, current), Reasons(now, then, scale), Duplicates(configuration, current, before),
            await OpenIncidentsAsync(db, filter, scope, configuration, cancellationToken), current.Count > 0 || before.Count > 0);
    }

    internal static DateTime Utc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static async Task<BaselinePeriod> BaselineAsync(CrmDbContext db, GovernanceConfiguration configuration, InsightsFilter filter, CancellationToken ct)
    {
        if (filter.BaselineFrom is { } from && filter.BaselineTo is { } to)
        {
            return new BaselinePeriod(from, to, BaselineKind.Chosen, "the chosen baseline");
        }
        if (await BaselineService.ForViewAsync(db, configuration, filter.ObjectId, filter.FlowId, ct) is { } named)
        {
            return new BaselinePeriod(named.From, named.To, BaselineKind.Named, named.Name);
        }
        return new BaselinePeriod(filter.From.AddDays(-filter.Days), filter.From.AddDays(-1), BaselineKind.PreviousPeriod, "the previous " + filter.Days + " days");
    }

    private static List<DateTime> Periods(InsightsFilter filter, BucketSize size)
    {
        var step = size == BucketSize.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var list = new List<DateTime>();
        for (var at = filter.FromUtc; at < filter.ToUtc; at += step)
        {
            list.Add(at);
        }
        return list;
    }

    private static string? Note(string key, FigureSet now) => key switch
    {
        InsightCards.DuplicateRate => $"{now[M.Scans]:N0} scans, {now[M.ScanRecords]:N0} records scanned",
        InsightCards.LeadResponseP50 or InsightCards.LeadResponseP90 => $"{now[M.LeadCount]:N0} leads",
        InsightCards.ReviewPerThousand => $"{now[M.ReviewEntered]:N0} pairs and held changes",
        InsightCards.ErrorsPerThousand => $"{now[M.ErrorsEntered]:N0} records",
        InsightCards.StewardTime => $"{now[M.StewardDecisions]:N0} decisions",
        InsightCards.SuccessRate => $"{now[M.Runs]:N0} runs",
        InsightCards.Freshness => $"{now[M.Scheduled]:N0} scheduled runs",
        InsightCards.Mttr => now.Percentile(M.IncidentResolveHistogram, 0.9) is { } p90 ? $"p90 {Math.Round(p90 / 60):N0} min" : null,
        _ => null,
    };

    private static List<FlowFigures> Flows(GovernanceConfiguration configuration, List<BucketRow> rows) =>
        rows.Where(r => r.FlowId != Guid.Empty).GroupBy(r => r.FlowId).Select(g =>
        {
            var f = BucketReader.Sum(g);
            var flow = configuration.FindFlow(g.Key);
            return new FlowFigures(g.Key, flow?.Name ?? "(a flow no longer configured)", flow?.ObjectId ?? g.First().ObjectId, f[M.Runs], f.Ratio(M.RunsSucceeded, M.Runs),
                f[M.Processed], f[M.Created] + f[M.Updated] + f[M.Appended], f.Ratio(M.ScheduledOnTime, M.Scheduled), f[M.Rejected], f[M.Failed],
                f[M.Processed] > 0 ? (f[M.ReviewEntered] + f[M.ErrorsEntered]) / f[M.Processed] * 1000 : null,
                f.Ratio(M.MandatoryFilled, M.MandatoryExpected), f.Percentile(M.LeadHistogram, 0.5));
        }).Where(f => f.Runs > 0 || f.RecordsProcessed > 0).OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToList();

    private static List<ReasonFigure> Reasons(FigureSet now, FigureSet then, double scale)
    {
        var before = then.Dimensions(M.RejectionReason).ToDictionary(d => d.Dimension, d => d.Value, StringComparer.Ordinal);
        return now.Dimensions(M.RejectionReason).OrderByDescending(d => d.Value).ThenBy(d => d.Dimension, StringComparer.Ordinal).Take(10)
            .Select(d => new ReasonFigure(d.Dimension, d.Value, before.TryGetValue(d.Dimension, out var b) ? b * scale : then.IsEmpty ? null : 0))
            .ToList();
    }

    private static List<ObjectDuplicates> Duplicates(GovernanceConfiguration configuration, List<BucketRow> now, List<BucketRow> before)
    {
        var then = before.Where(r => r.ObjectId != Guid.Empty).GroupBy(r => r.ObjectId).ToDictionary(g => g.Key, BucketReader.Sum);
        return now.Where(r => r.ObjectId != Guid.Empty).GroupBy(r => r.ObjectId).Select(g =>
        {
            var f = BucketReader.Sum(g);
            return new ObjectDuplicates(g.Key, configuration.FindObject(g.Key)?.Name ?? "(an object no longer configured)", f.Ratio(M.ScanDuplicates, M.ScanRecords),
                then.TryGetValue(g.Key, out var b) ? b.Ratio(M.ScanDuplicates, M.ScanRecords) : null, f[M.DuplicatesPrevented], f[M.Scans]);
        }).Where(d => d.Scans > 0 || d.Prevented > 0).OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    internal static async Task<List<VersionMark>> VersionsAsync(CrmDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        await (from v in db.ConfigurationVersions.AsNoTracking()
               where v.PublishedUtc >= fromUtc && v.PublishedUtc < toUtc
               join c in db.ChangeRequests.AsNoTracking() on v.ChangeRequestId equals c.Id into crs
               from c in crs.DefaultIfEmpty()
               orderby v.Number
               select new VersionMark(v.Number, v.PublishedUtc, v.PublishedByName, c == null ? null : c.Title)).ToListAsync(ct);

    private static async Task<int> OpenIncidentsAsync(CrmDbContext db, InsightsFilter filter, InsightsScope scope, GovernanceConfiguration configuration, CancellationToken ct)
    {
        var open = await db.Set<Incident>().AsNoTracking().Where(i => i.State == IncidentState.Open || i.State == IncidentState.Acknowledged)
            .Select(i => new { i.FlowId, i.ObjectId, i.SystemId }).ToListAsync(ct);
        return open.Count(i =>
        {
            var objectId = i.ObjectId ?? (i.FlowId is { } f ? configuration.FindFlow(f)?.ObjectId : null);
            return (objectId is { } o ? scope.Includes(o) : scope.Everything)
                && (filter.ObjectId is null || objectId == filter.ObjectId)
                && (filter.FlowId is null || i.FlowId == filter.FlowId)
                && (filter.SystemId is null || i.SystemId == filter.SystemId || (i.FlowId is { } fl && configuration.FindFlow(fl) is { } flow
                    && (flow.SourceSystemId == filter.SystemId || flow.TargetSystemId == filter.SystemId)));
        });
    }
}
