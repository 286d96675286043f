using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Insights.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Insights;

public sealed class InsightsFigureTests
{
    private static readonly double Error = Histogram.RelativeError + 1e-9;

    [Fact]
    public async Task Every_card_matches_the_hand_counted_week_and_its_baseline()
    {
        await using var s = await InsightsScenario.StartAsync();
        await InsightsFixture.DeliverAsync(s, await InsightsFixture.SeedAsync(s));
        var configuration = (await s.Inner.CurrentAsync()).Configuration;
        Assert.Equal(["email", "last_name"], RunContribution.MandatoryFields(configuration, configuration.FindFlow(InsightsScenario.WebForm)!).Order());

        var data = await s.DashboardAsync(InsightsFilter.LastDays(s.Today, 7));

        double? Value(string key) => data.Card(key)!.Value;
        Assert.Equal(1.0 / 3, Value(InsightCards.SuccessRate)!.Value, 9);
        Assert.Equal(5, Value(InsightCards.RecordsMoved));
        Assert.Equal(1, Value(InsightCards.DuplicatesPrevented));
        Assert.Equal(2, Value(InsightCards.Rejections));
        Assert.Equal(0.5, Value(InsightCards.Freshness));
        Assert.Equal(0.9, Value(InsightCards.Completeness)!.Value, 9);
        Assert.InRange(Value(InsightCards.LeadResponseP50)!.Value, 120 * (1 - Error), 120 * (1 + Error));
        Assert.InRange(Value(InsightCards.LeadResponseP90)!.Value, 7200 * (1 - Error), 7200 * (1 + Error));
        Assert.Equal(2000.0 / 9, Value(InsightCards.ReviewPerThousand)!.Value, 9);
        Assert.Equal(3000.0 / 9, Value(InsightCards.ErrorsPerThousand)!.Value, 9);
        Assert.Equal(90, Value(InsightCards.StewardTime));
        Assert.Equal(0.05, Value(InsightCards.DuplicateRate)!.Value, 9);
        Assert.Equal(2, Value(InsightCards.IncidentsOpened));
        Assert.Equal(1800, Value(InsightCards.Mtta));
        Assert.Equal((7200 + 86_400) / 2.0, Value(InsightCards.Mttr));
        Assert.Equal(1, Value(InsightCards.SlaBreaches));
        Assert.Equal(0.5, Value(InsightCards.ExpiredShare));

        // The baseline is the week before: one run, two leads answered in 2 h and 4 h.
        Assert.Equal((BaselineKind.PreviousPeriod, new DateOnly(2026, 2, 17), new DateOnly(2026, 2, 23)), (data.Baseline.Kind, data.Baseline.From, data.Baseline.To));
        Assert.Equal(2, data.Card(InsightCards.RecordsMoved)!.Baseline);
        Assert.Equal(1, data.Card(InsightCards.SuccessRate)!.Baseline);
        Assert.InRange(data.Card(InsightCards.LeadResponseP50)!.Baseline!.Value, 7200 * (1 - Error), 7200 * (1 + Error));
        Assert.True(data.Card(InsightCards.LeadResponseP50)!.Improved);
        Assert.False(data.Card(InsightCards.SuccessRate)!.Improved);

        // A trend point per day; the records moved on the days of the two runs.
        var trend = data.Card(InsightCards.RecordsMoved)!.Trend;
        Assert.Equal(7, trend.Count);
        Assert.Equal([0, 4, 0, 1, 0, 0, 0], trend.Select(p => p.Value));
        Assert.Null(data.Card(InsightCards.SuccessRate)!.Trend[0].Value);

        var web = Assert.Single(data.Flows, f => f.FlowId == InsightsScenario.WebForm);
        Assert.Equal((2.0, 0.5, 9.0, 5.0, 0.5, 2.0, 1.0), (web.Runs, web.SuccessRate!.Value, web.RecordsProcessed, web.RecordsMoved, web.Freshness!.Value, web.Rejected, web.Failed));
        Assert.Equal(5000.0 / 9, web.ManualPerThousand!.Value, 9);
        Assert.Equal((1.0, 0.0), Assert.Single(data.Flows, f => f.FlowId == InsightsScenario.Orders) is var o ? (o.Runs, o.SuccessRate!.Value) : default);
        Assert.Equal((InsightsFixture.Reason, 2.0, 0.0), Assert.Single(data.Rejections) is var r ? (r.Reason, r.Count, r.BaselineCount!.Value) : default);
        Assert.Equal(0.05, Assert.Single(data.Duplicates, d => d.Scans > 0).DuplicateRate!.Value, 9);
        Assert.Equal(1, Assert.Single(data.Versions).Number);
        Assert.True(data.HasData);
    }

    [Fact]
    public async Task An_event_handled_twice_counts_once_and_the_rebuild_from_the_ledger_gives_the_live_figures()
    {
        await using var s = await InsightsScenario.StartAsync();
        var events = await InsightsFixture.SeedAsync(s);
        await InsightsFixture.DeliverAsync(s, events);
        var live = await s.BucketsAsync();
        Assert.NotEmpty(live);

        await InsightsFixture.DeliverAsync(s, events);
        Assert.Equal(live, await s.BucketsAsync());

        await using (var scope = s.Host.Scope(a => a.SetSystem("test", null)))
        {
            var result = await scope.ServiceProvider.GetRequiredService<InsightsRebuild>().RebuildAsync();
            Assert.Equal(4, result.Runs);
        }
        Assert.Equal(live, await s.BucketsAsync());
    }

    [Fact]
    public async Task A_baseline_named_for_the_object_is_used_and_a_chosen_one_wins_over_it_with_counts_scaled_to_the_period()
    {
        await using var s = await InsightsScenario.StartAsync();
        await InsightsFixture.DeliverAsync(s, await InsightsFixture.SeedAsync(s));
        var contact = StandardObjects.Contact;
        await s.AsAsync<Core.Features.Insights.Baselines.BaselineService, bool>(ChangeControlScenario.Owner, [Access.Roles.BusinessOwner], async b =>
        {
            await b.SetAsync(contact, null, "Before go-live", new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 28));
            return true;
        });
        var filter = InsightsFilter.LastDays(s.Today, 7) with { ObjectId = contact };

        var named = await s.DashboardAsync(filter);
        Assert.Equal((BaselineKind.Named, "Before go-live", 14), (named.Baseline.Kind, named.Baseline.Name, named.Baseline.Days));
        // 7 records moved in the 14 baseline days (2 on 18 Feb, 5 from 25 Feb), scaled to the 7 days shown.
        Assert.Equal(7 * 7.0 / 14, named.Card(InsightCards.RecordsMoved)!.Baseline);

        var chosen = await s.DashboardAsync(filter with { BaselineFrom = new DateOnly(2026, 2, 18), BaselineTo = new DateOnly(2026, 2, 18) });
        Assert.Equal(BaselineKind.Chosen, chosen.Baseline.Kind);
        Assert.Equal(2 * 7.0, chosen.Card(InsightCards.RecordsMoved)!.Baseline);
        // A baseline before the first run holds no data: there is nothing to compare with, not a count of zero.
        var empty = await s.DashboardAsync(filter with { BaselineFrom = new DateOnly(2025, 1, 1), BaselineTo = new DateOnly(2025, 1, 7) });
        Assert.All(empty.Cards, c => Assert.Null(c.Baseline));
        Assert.Null(empty.Card(InsightCards.RecordsMoved)!.Improved);
        var audited = await s.Host.AuditRowsAsync();
        Assert.Contains(audited, e => e.EntityType == "Baseline" && e.ActorName == ChangeControlScenario.Owner);
    }
}
