using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using M = CrmGovernance.Core.Features.Insights.Rollups.InsightMetric;

namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>
/// Composes the managers' weekly digest from the roll-ups: the dashboard of the week with the week before as its baseline
/// (so each figure's change is week over week), and the flows where it hurts most. Managers see every object, so one
/// composition serves every recipient; it runs as the digest job, not as a person.
/// </summary>
public sealed class WeeklyDigestComposer(IServiceScopeFactory scopes)
{
    /// <summary>How many flows the digest names.</summary>
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
        var rows = await BucketReader.ReadAsync(db, BucketSize.Day, InsightsDashboard.Utc(before.Monday), InsightsDashboard.Utc(week.Sunday.AddDays(1)),
            null, null, null, new InsightsScope(true, new HashSet<Guid>()), null, cancellationToken);
        var split = InsightsDashboard.Utc(week.Monday);
        var hotspots = rows.Where(r => r.FlowId != Guid.Empty).GroupBy(r => r.FlowId).Select(g =>
            {
                var now = BucketReader.Sum(g.Where(r => r.PeriodStartUtc >= split));
                var then = BucketReader.Sum(g.Where(r => r.PeriodStartUtc < split));
                return new DigestHotspot(g.Key, configuration.FindFlow(g.Key)?.Name ?? "(a flow no longer configured)", now[M.Processed], Trouble(now),
                    PerThousand(now), PerThousand(then), now.Ratio(M.RunsSucceeded, M.Runs), then.Ratio(M.RunsSucceeded, M.Runs));
            })
            .Where(h => h.PerThousand is not null && h.Rise > 0)
            .OrderByDescending(h => h.Rise).ThenByDescending(h => h.Trouble).ThenBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .Take(Hotspots).ToList();
        return new DigestContent(week, figures, hotspots, data.HasData);
    }

    private static double Trouble(FigureSet f) => f[M.Rejected] + f[M.Failed] + f[M.Queued];

    private static double? PerThousand(FigureSet f) => f[M.Processed] > 0 ? Trouble(f) / f[M.Processed] * 1000 : null;
}
