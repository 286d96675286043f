using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static CrmGovernance.Core.Tests.Features.Insights.InsightsScenario;

namespace CrmGovernance.Core.Tests.Features.Insights;

public sealed class InsightsBackfillTests
{
    [Fact]
    public async Task After_an_upgrade_the_portal_computes_the_roll_ups_of_the_runs_it_never_saw_once()
    {
        await using var s = await InsightsScenario.StartAsync();
        // Runs recorded before insights existed: no event ever reached the subscriber.
        await s.RunAsync(WebForm, s.Now.AddDays(-1), [Outcome(OutcomeKind.Created), Outcome(OutcomeKind.Updated)]);
        Assert.Empty(await s.BucketsAsync());

        await BackfillAsync(s);
        var data = await s.DashboardAsync(InsightsFilter.LastDays(s.Today, 7));
        Assert.Equal(2, data.Card(InsightCards.RecordsMoved)!.Value);
        Assert.True(await MarkedAsync(s));

        // Marked: a later start leaves the roll-ups to the subscriber (a run it did not see stays unseen).
        await s.RunAsync(WebForm, s.Now.AddHours(-1), [Outcome(OutcomeKind.Created)]);
        await BackfillAsync(s);
        Assert.Equal(2, (await s.DashboardAsync(InsightsFilter.LastDays(s.Today, 7))).Card(InsightCards.RecordsMoved)!.Value);
    }

    [Fact]
    public async Task A_new_install_without_runs_is_marked_without_a_rebuild()
    {
        await using var s = await InsightsScenario.StartAsync();

        await BackfillAsync(s);

        Assert.True(await MarkedAsync(s));
        Assert.Empty(await s.BucketsAsync());
    }

    private static async Task BackfillAsync(InsightsScenario s)
    {
        using var backfill = new InsightsBackfill(s.Host.Singleton<IServiceScopeFactory>(), s.Host.Clock, NullLogger<InsightsBackfill>.Instance);
        await backfill.StartAsync(CancellationToken.None);
        await backfill.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static Task<bool> MarkedAsync(InsightsScenario s) =>
        s.QueryAsync(db => db.Set<MetricContribution>().AnyAsync(c => c.Key == InsightsRebuild.Marker));
}
