using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;

namespace CrmGovernance.Core.Tests.Features.Insights;

public sealed class InsightsDrillTests
{
    [Theory]
    [InlineData(InsightCards.RecordsMoved, null, 5)]
    [InlineData(InsightCards.DuplicatesPrevented, null, 1)]
    [InlineData(InsightCards.Rejections, null, 2)]
    [InlineData(InsightCards.Rejections, InsightsFixture.Reason, 2)]
    [InlineData(InsightCards.LeadResponseP50, null, 4)]
    public async Task The_records_listed_behind_a_number_are_exactly_the_records_counted(string card, string? reason, int expected)
    {
        await using var s = await InsightsScenario.StartAsync();
        await InsightsFixture.DeliverAsync(s, await InsightsFixture.SeedAsync(s));
        var filter = InsightsFilter.LastDays(s.Today, 7);
        var data = await s.DashboardAsync(filter);
        var query = new DrillQuery(card, filter, reason);

        var runs = await Drill(s, d => d.RunsAsync(query, 0, 50));
        var records = await Drill(s, d => d.RecordsAsync(query, null, 0, 50));

        Assert.Equal(expected, records.Total);
        Assert.Equal(expected, records.Items.Count);
        Assert.Equal(expected, runs.Counted);
        if (reason is null && card != InsightCards.LeadResponseP50)
        {
            Assert.Equal(data.Card(card)!.Value, runs.Counted);
        }
        Assert.All(runs.Items, r => Assert.Equal(InsightsScenario.WebForm, r.FlowId));
        // Record by record, each belongs to one of the runs listed, and the records of one run add up to what it counted.
        Assert.All(records.Items, r => Assert.Contains(runs.Items, run => run.RunId == r.RunId));
        foreach (var run in runs.Items)
        {
            Assert.Equal(run.Counted, (await Drill(s, d => d.RecordsAsync(query, run.RunId, 0, 50))).Total);
        }
    }

    [Fact]
    public async Task Lead_response_records_carry_their_response_time_and_a_share_lists_the_runs_it_divides()
    {
        await using var s = await InsightsScenario.StartAsync();
        await InsightsFixture.DeliverAsync(s, await InsightsFixture.SeedAsync(s));
        var filter = InsightsFilter.LastDays(s.Today, 7);

        var leads = await Drill(s, d => d.RecordsAsync(new DrillQuery(InsightCards.LeadResponseP90, filter), null, 0, 50));
        Assert.Equal([60.0, 120, 3600, 7200], leads.Items.Select(r => r.Seconds!.Value).Order());

        var success = await Drill(s, d => d.RunsAsync(new DrillQuery(InsightCards.SuccessRate, filter), 0, 50));
        Assert.Equal((3, 1.0, 3.0), (success.Total, success.Counted, success.Of!.Value));
        await Assert.ThrowsAsync<ArgumentException>(() => Drill(s, d => d.RecordsAsync(new DrillQuery(InsightCards.SuccessRate, filter), null, 0, 50)));
        await Assert.ThrowsAsync<ArgumentException>(() => Drill(s, d => d.RunsAsync(new DrillQuery(InsightCards.ReviewPerThousand, filter), 0, 50)));
        await Assert.ThrowsAsync<ArgumentException>(() => Drill(s, d => d.RunsAsync(new DrillQuery("no-such-card", filter), 0, 50)));
    }

    [Fact]
    public async Task A_flow_filter_narrows_the_runs_and_records_to_that_flow()
    {
        await using var s = await InsightsScenario.StartAsync();
        await InsightsFixture.DeliverAsync(s, await InsightsFixture.SeedAsync(s));
        var filter = InsightsFilter.LastDays(s.Today, 7) with { FlowId = InsightsScenario.Orders };

        var runs = await Drill(s, d => d.RunsAsync(new DrillQuery(InsightCards.SuccessRate, filter), 0, 50));
        var moved = await Drill(s, d => d.RecordsAsync(new DrillQuery(InsightCards.RecordsMoved, filter), null, 0, 50));

        Assert.Equal(InsightsScenario.Orders, Assert.Single(runs.Items).FlowId);
        Assert.Equal(0, moved.Total);
    }

    private static Task<T> Drill<T>(InsightsScenario s, Func<InsightsDrill, Task<T>> action) =>
        s.AsAsync(InsightsScenario.Manager, [Roles.Manager], action);
}
