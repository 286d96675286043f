using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights.Baselines;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using static CrmGovernance.Core.Tests.Features.Insights.InsightsScenario;

namespace CrmGovernance.Core.Tests.Features.Insights;

public sealed class InsightsAccessTests
{
    private const string Owner = ChangeControlScenario.Owner;
    private const string OtherOwner = ChangeControlScenario.OtherOwner;

    [Fact]
    public async Task A_business_owner_sees_the_figures_of_their_own_objects_only_and_is_refused_another_owners_object()
    {
        await using var s = await SeededAsync();
        var week = InsightsFilter.LastDays(s.Today, 7);

        var manager = await s.DashboardAsync(week);
        var owner = await s.DashboardAsync(week, Owner, Roles.BusinessOwner);
        var other = await s.DashboardAsync(week, OtherOwner, Roles.BusinessOwner);

        Assert.Equal(5 + 10, manager.Card(InsightCards.RecordsMoved)!.Value);
        Assert.Equal(5, owner.Card(InsightCards.RecordsMoved)!.Value);
        Assert.DoesNotContain(owner.Flows, f => f.FlowId == Opportunities);
        Assert.Equal(10, other.Card(InsightCards.RecordsMoved)!.Value);
        Assert.Equal([Opportunities], other.Flows.Select(f => f.FlowId));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => s.DashboardAsync(week with { ObjectId = StandardObjects.Opportunity }, Owner, Roles.BusinessOwner));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => s.DashboardAsync(week with { FlowId = Opportunities }, Owner, Roles.BusinessOwner));
        var drill = new DrillQuery(InsightCards.RecordsMoved, week with { FlowId = Opportunities });
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => s.AsAsync<InsightsDrill, DrillRuns>(Owner, [Roles.BusinessOwner], d => d.RunsAsync(drill, 0, 10)));
        var owned = await s.AsAsync<InsightsDrill, DrillRuns>(Owner, [Roles.BusinessOwner], d => d.RunsAsync(drill with { Filter = week }, 0, 10));
        Assert.Equal(5, owned.Counted);
        var comparison = await s.AsAsync<InsightsComparison, VersionComparison>(Owner, [Roles.BusinessOwner], c => c.CompareAsync(1));
        Assert.DoesNotContain(comparison.ChangedFlows.Concat(comparison.ControlFlows), f => f.Id == Opportunities);
    }

    [Theory]
    [InlineData(Roles.Steward)]
    [InlineData(Roles.Auditor)]
    public async Task Stewards_and_auditors_do_not_see_insights(string role)
    {
        await using var s = await InsightsScenario.StartAsync();
        var week = InsightsFilter.LastDays(s.Today, 7);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => s.DashboardAsync(week, "someone@example.com", role));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            s.AsAsync<InsightsDrill, DrillRuns>("someone@example.com", [role], d => d.RunsAsync(new DrillQuery(InsightCards.RecordsMoved, week), 0, 10)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            s.AsAsync<InsightsComparison, VersionComparison>("someone@example.com", [role], c => c.CompareAsync(1)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            s.AsAsync<BaselineService, IReadOnlyList<BaselineRow>>("someone@example.com", [role], b => b.ListAsync()));
    }

    [Fact]
    public async Task Only_the_objects_business_owner_or_an_admin_names_its_baseline_and_a_manager_cannot()
    {
        await using var s = await InsightsScenario.StartAsync();
        var from = s.Today.AddDays(-28);
        Task Set(string name, string role, Guid objectId) =>
            s.AsAsync<BaselineService, bool>(name, [role], async b => { await b.SetAsync(objectId, null, "Before go-live", from, s.Today.AddDays(-1)); return true; });

        await Set(Owner, Roles.BusinessOwner, StandardObjects.Contact);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Set(Owner, Roles.BusinessOwner, StandardObjects.Opportunity));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Set(Manager, Roles.Manager, StandardObjects.Contact));
        await Set(ChangeControlScenario.Admin, Roles.Admin, StandardObjects.Opportunity);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            s.AsAsync<BaselineService, bool>(Owner, [Roles.BusinessOwner], async b => { await b.SetAsync(StandardObjects.Contact, null, " ", from, from); return true; }));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            s.AsAsync<BaselineService, bool>(Owner, [Roles.BusinessOwner], async b => { await b.SetAsync(StandardObjects.Contact, null, "x", from, from.AddDays(-1)); return true; }));

        var seenByOwner = await s.AsAsync<BaselineService, IReadOnlyList<BaselineRow>>(Owner, [Roles.BusinessOwner], b => b.ListAsync());
        var row = Assert.Single(seenByOwner);
        Assert.Equal((StandardObjects.Contact, true), (row.ObjectId!.Value, row.CanEdit));
        var seenByManager = await s.AsAsync<BaselineService, IReadOnlyList<BaselineRow>>(Manager, [Roles.Manager], b => b.ListAsync());
        Assert.Equal(2, seenByManager.Count);
        Assert.All(seenByManager, b => Assert.False(b.CanEdit));
        var opportunity = seenByManager.Single(b => b.ObjectId == StandardObjects.Opportunity);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            s.AsAsync<BaselineService, bool>(Owner, [Roles.BusinessOwner], async b => { await b.RemoveAsync(opportunity.Id); return true; }));
    }

    /// <summary>The hand-counted week, and ten opportunities moved for the other owner's object.</summary>
    private static async Task<InsightsScenario> SeededAsync()
    {
        var s = await InsightsScenario.StartAsync();
        await InsightsFixture.DeliverAsync(s, await InsightsFixture.SeedAsync(s));
        var at = s.Now.AddDays(-2);
        await s.DeliverAsync(await s.RunAsync(Opportunities, at, [.. Enumerable.Range(0, 10).Select(_ => Outcome(OutcomeKind.Created))]));
        return s;
    }
}
