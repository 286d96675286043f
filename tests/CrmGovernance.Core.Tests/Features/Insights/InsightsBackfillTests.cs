using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Events;
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

    [Fact]
    public async Task A_run_finishing_after_the_rebuild_read_the_ledger_and_before_the_subscribers_first_pass_is_counted_once()
    {
        await using var s = await InsightsScenario.StartAsync();
        // Before the rebuild, with its event in the outbox: the rebuild reads it from the ledger, and only from there.
        await s.Host.RaiseAsync(await s.RunAsync(WebForm, s.Now.AddHours(-3), [Outcome(OutcomeKind.Created), Outcome(OutcomeKind.Updated)]));
        await using (var scope = s.Host.Scope(a => a.SetSystem("test", null)))
        {
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<InsightsRebuild>().RebuildAsync()).Runs);
        }
        // After the reading, before the subscriber ever ran (it had no position yet).
        await s.Host.RaiseAsync(await s.RunAsync(WebForm, s.Now.AddHours(-1), [Outcome(OutcomeKind.Created)]));

        var dispatcher = s.Host.Dispatcher(s.Host.Singleton<InsightsSubscriber>());
        Assert.Equal(1, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));

        Assert.Equal(3, (await s.DashboardAsync(InsightsFilter.LastDays(s.Today, 7))).Card(InsightCards.RecordsMoved)!.Value);
    }

    [Fact]
    public async Task A_rebuild_takes_the_subscriber_back_to_what_it_read_and_events_counted_both_ways_count_once()
    {
        await using var s = await InsightsScenario.StartAsync();
        var dispatcher = s.Host.Dispatcher(s.Host.Singleton<InsightsSubscriber>());
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        await s.Host.RaiseAsync(await s.RunAsync(WebForm, s.Now.AddHours(-2), [Outcome(OutcomeKind.Created)]));
        Assert.Equal(1, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        var before = await s.BucketsAsync();

        // A position further on than the rebuild's reading (as a pass that started before it would leave) is moved back:
        // the run comes again and its unit, already counted by the rebuild, adds nothing.
        await s.WriteAsync(db => db.OperationsEventConsumers.Single(c => c.Subscriber == InsightsSubscriber.SubscriberName).Position += 5);
        var head = await s.QueryAsync(db => OperationsEventPositions.HeadAsync(db, CancellationToken.None));
        await using (var scope = s.Host.Scope(a => a.SetSystem("test", null)))
        {
            await scope.ServiceProvider.GetRequiredService<InsightsRebuild>().RebuildAsync();
        }
        Assert.Equal(head, await s.QueryAsync(db => db.OperationsEventConsumers.Where(c => c.Subscriber == InsightsSubscriber.SubscriberName).Select(c => c.Position).SingleAsync()));
        await s.Host.RaiseAsync(new RunFinished((await s.QueryAsync(db => db.SyncRuns.MaxAsync(r => r.Id))), WebForm, "Succeeded", false, 1, 0, 0, 0, 0, 0));
        Assert.Equal(1, await dispatcher.DispatchOnceAsync(CancellationToken.None));

        Assert.Equal(before, await s.BucketsAsync());
    }

    [Fact]
    public async Task On_a_new_install_a_run_finishing_before_the_subscribers_first_pass_is_counted()
    {
        await using var s = await InsightsScenario.StartAsync();
        await BackfillAsync(s);

        await s.Host.RaiseAsync(await s.RunAsync(WebForm, s.Now.AddHours(-1), [Outcome(OutcomeKind.Created)]));
        Assert.Equal(1, await s.Host.Dispatcher(s.Host.Singleton<InsightsSubscriber>()).DispatchOnceAsync(CancellationToken.None));

        Assert.Equal(1, (await s.DashboardAsync(InsightsFilter.LastDays(s.Today, 7))).Card(InsightCards.RecordsMoved)!.Value);
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
