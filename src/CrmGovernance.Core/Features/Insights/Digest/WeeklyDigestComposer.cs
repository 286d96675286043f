using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using M = CrmGovernance.Core.Features.Insights.Rollups.InsightMetric;

namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>
/// Composes the managers' weekly digest from the roll-ups: the dashboard of the week with the week before as its baseline
/// (so each figure's change is week over week), and the places where it hurt most that week (<see cref="DigestHotspot"/>:
/// records needing a person plus incidents, ranked by this week's amount, not by its rise). Managers see every object, so one
/// composition serves every recipient; it runs as the digest job, not as a person.
/// </summary>
public sealed class WeeklyDigestComposer(IServiceScopeFactory scopes)
{
    /// <summary>How many places the digest names.</summary>
    public const int Hotspots = 3;

    /// <summary>The figures the digest shows, in this order.</summary>
    public static readonly IReadOnlyList<string> Figures =
    [
        InsightCards.DuplicateRate, InsightCards.DuplicatesPrevented, InsightCards.LeadResponseP50, InsightCards.LeadResponseP90,
        InsightCards.ReviewPerThousand, InsightCards.ErrorsPerThousand, InsightCards.SuccessRate, InsightCards.RecordsMoved,
        InsightCards.Completeness, InsightCards.IncidentsOpened, InsightCards.Mttr,
    ];

    public async Task<DigestContent> ComposeAsync(DigestWeek week, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("insights-digest", null);
        var before = week.Previous;
        var data = await scope.ServiceProvider.GetRequiredService<InsightsDashboard>()
            .LoadAsync(new InsightsFilter(week.Monday, week.Sunday, BaselineFrom: before.Monday, BaselineTo: before.Sunday), cancellationToken);
        var figures = Figures.Select(data.Card).OfType<InsightCard>().ToList();
        var configuration = (await scope.ServiceProvider.GetRequiredService<PublishedConfiguration>().CurrentAsync(cancellationToken)).Configuration;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var now = await PlacesAsync(db, week, cancellationToken);
        var then = await PlacesAsync(db, before, cancellationToken);
        var hotspots = now.Keys.Select(place =>
            {
                var (records, incidents, processed) = now[place];
                var (recordsBefore, incidentsBefore, _) = then.GetValueOrDefault(place);
                return new DigestHotspot(place.Place, place.Id, NameOf(configuration, place), records, recordsBefore, incidents, incidentsBefore, processed,
                    processed > 0 ? records / processed * 1000 : null);
            })
            .Where(h => h.Hurt > 0)
            .OrderByDescending(h => h.Hurt).ThenByDescending(h => h.Change).ThenBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .Take(Hotspots).ToList();
        return new DigestContent(week, figures, hotspots, data.HasData);
    }

    /// <summary>
    /// What needed a person's hand in the week, per place, summed in SQL over the day buckets. A flow's queue entries are
    /// its records held for review or rejected and failed, so only queue entries outside any flow count for an object.
    /// Incidents about nothing in particular (no flow, object or system) are no place and stay out.
    /// </summary>
    private static async Task<Dictionary<(DigestPlace Place, Guid Id), (double Records, double Incidents, double Processed)>> PlacesAsync(CrmDbContext db,
        DigestWeek week, CancellationToken ct)
    {
        var (from, to) = (InsightsDashboard.Utc(week.Monday), InsightsDashboard.Utc(week.Sunday.AddDays(1)));
        var sums = await db.Set<MetricBucket>().AsNoTracking()
            .Where(b => b.Size == BucketSize.Day && b.PeriodStartUtc >= from && b.PeriodStartUtc < to && Measured.Contains(b.Metric))
            .GroupBy(b => new { b.Metric, b.FlowId, b.ObjectId, b.SystemId })
            .Select(g => new { g.Key.Metric, g.Key.FlowId, g.Key.ObjectId, g.Key.SystemId, Value = g.Sum(b => b.Value) }).ToListAsync(ct);
        var places = new Dictionary<(DigestPlace, Guid), (double Records, double Incidents, double Processed)>();
        foreach (var sum in sums)
        {
            (DigestPlace, Guid)? place = sum switch
            {
                { FlowId: var f } when f != Guid.Empty => (DigestPlace.Flow, f),
                { Metric: M.Rejected or M.Failed or M.Queued or M.Processed } => null,
                { ObjectId: var o } when o != Guid.Empty => (DigestPlace.BusinessObject, o),
                { Metric: M.IncidentsOpened, SystemId: var s } when s != Guid.Empty => (DigestPlace.System, s),
                _ => null,
            };
            if (place is not { } key || key.Item1 == DigestPlace.Flow && sum.Metric is M.ReviewEntered or M.ErrorsEntered)
            {
                continue;
            }
            var (records, incidents, processed) = places.GetValueOrDefault(key);
            places[key] = sum.Metric switch
            {
                M.IncidentsOpened => (records, incidents + sum.Value, processed),
                M.Processed => (records, incidents, processed + sum.Value),
                _ => (records + sum.Value, incidents, processed),
            };
        }
        return places;
    }

    private static readonly string[] Measured = [M.Rejected, M.Failed, M.Queued, M.Processed, M.ReviewEntered, M.ErrorsEntered, M.IncidentsOpened];

    private static string NameOf(GovernanceConfiguration configuration, (DigestPlace Place, Guid Id) place) => place.Place switch
    {
        DigestPlace.Flow => configuration.FindFlow(place.Id)?.Name ?? "(a flow no longer configured)",
        DigestPlace.BusinessObject => configuration.FindObject(place.Id)?.Name ?? "(an object no longer configured)",
        _ => configuration.FindSystem(place.Id)?.Name ?? "(a system no longer configured)",
    };
}
