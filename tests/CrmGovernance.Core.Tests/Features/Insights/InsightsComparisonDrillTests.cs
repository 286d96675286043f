using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using static CrmGovernance.Core.Tests.Features.Insights.InsightsScenario;

namespace CrmGovernance.Core.Tests.Features.Insights;

/// <summary>
/// The version comparison's numbers drill down to exactly what they count: the side's hours (split at the publish hour,
/// not at midnight) and the side's flows (changed or control), and nothing just outside either.
/// </summary>
public sealed class InsightsComparisonDrillTests
{
    [Fact]
    public async Task Each_before_and_after_number_lists_exactly_the_runs_records_and_items_of_its_hours_and_flows()
    {
        await using var s = await InsightsScenario.StartAsync();
        var t = s.Now;
        var split = ContributionItem.HourOf(t);
        // Before (4 days): the web form rejects 2 a day on 2 days; orders reject 1. Just before the window, on the same
        // UTC day as its start, the web form rejects 5: a day filter would count them, the hour window must not.
        await RejectAsync(s, WebForm, t.AddDays(-1), 2);
        await RejectAsync(s, WebForm, t.AddDays(-2), 2);
        await RejectAsync(s, Orders, t.AddDays(-1), 1);
        await RejectAsync(s, WebForm, split.AddDays(-4).AddMinutes(-1), 5);
        await s.WriteAsync(db => db.ReviewItems.AddRange(Review(WebForm, t.AddDays(-1)), Review(Orders, t.AddDays(-1)), Review(WebForm, split.AddDays(-4).AddMinutes(-1))));
        await PublishWebFormMappingAsync(s);
        s.Host.Clock.Advance(TimeSpan.FromDays(2));
        // After (2 days): the web form rejects 1, orders 3; one review item of each flow.
        await RejectAsync(s, WebForm, t.AddDays(1).AddHours(1), 1, version: 2);
        await RejectAsync(s, Orders, t.AddHours(1), 3, version: 2);
        await s.WriteAsync(db => db.ReviewItems.AddRange(Review(WebForm, t.AddDays(1)), Review(Orders, t.AddHours(2))));
        foreach (var (flow, at) in new[] { (WebForm, t.AddDays(-1)), (Orders, t.AddDays(-1)), (WebForm, split.AddDays(-4).AddMinutes(-1)), (WebForm, t.AddDays(1)), (Orders, t.AddHours(2)) })
        {
            await s.DeliverAsync(new RecordsQueuedForReview(DemoConfiguration.Crm, ObjectOf(flow), 1, null, null), at);
        }

        var c = await s.AsAsync<InsightsComparison, VersionComparison>(Manager, [Roles.Manager], x => x.CompareAsync(2, 4));

        Assert.Equal(new DrillWindow(split.AddDays(-4), split), c.BeforeWindow);
        Assert.Equal(split, c.AfterWindow.FromUtc);
        var rejected = c.Rows.Single(r => r.Key == InsightCards.Rejections);
        var control = c.ControlFlows.Select(f => f.Id).ToHashSet();
        foreach (var (changed, after, perDay, days) in new[]
        {
            (true, false, rejected.ChangedBefore, 4.0), (true, true, rejected.ChangedAfter, 2.0), (false, false, rejected.ControlBefore, 4.0), (false, true, rejected.ControlAfter, 2.0),
        })
        {
            var query = c.Drill(InsightCards.Rejections, changed, after)!;
            var runs = await s.AsAsync<InsightsDrill, DrillRuns>(Manager, [Roles.Manager], d => d.RunsAsync(query, 0, 100));
            var records = await s.AsAsync<InsightsDrill, PagedResult<DrillRecord>>(Manager, [Roles.Manager], d => d.RecordsAsync(query, null, 0, 100));

            Assert.Equal(perDay!.Value * days, runs.Counted, 6);
            Assert.Equal(runs.Counted, records.Total);
            Assert.All(runs.Items, r => Assert.Equal(changed, r.FlowId == WebForm));
            Assert.All(runs.Items, r => Assert.True(r.StartedUtc >= query.FromUtc && r.StartedUtc < query.ToUtc));
            Assert.All(runs.Items, r => Assert.True(changed || control.Contains(r.FlowId)));
        }
        Assert.Equal((4.0, 1.0), (rejected.ChangedBefore!.Value * 4, rejected.ChangedAfter!.Value * 2));

        // A per 1,000 figure lists its queue items over the same hours and flows, and divides by the same records processed.
        var review = c.Rows.Single(r => r.Key == InsightCards.ReviewPerThousand);
        foreach (var (changed, after, figure, expected) in new[]
        {
            (true, false, review.ChangedBefore, 1), (true, true, review.ChangedAfter, 1), (false, false, review.ControlBefore, 1), (false, true, review.ControlAfter, 1),
        })
        {
            var items = await s.AsAsync<InsightsDrill, DrillItems>(Manager, [Roles.Manager], d => d.ItemsAsync(c.Drill(InsightCards.ReviewPerThousand, changed, after)!, 0, 50));
            Assert.Equal(expected, items.Total);
            Assert.All(items.Items, i => Assert.Equal(changed, i.FlowId == WebForm));
            Assert.Equal(figure!.Value, items.Figure!.Value, 6);
        }
    }

    [Fact]
    public async Task A_business_owner_cannot_drill_into_a_set_that_names_another_owners_flow_and_bad_windows_are_refused()
    {
        await using var s = await InsightsScenario.StartAsync();
        var split = ContributionItem.HourOf(s.Now);
        var week = InsightsFilter.LastDays(s.Today, 7);
        var window = new DrillWindow(split.AddDays(-2), split);
        var mine = new DrillQuery(InsightCards.Rejections, week, Window: window, Flows: new DrillFlows([WebForm, Orders]));

        var own = await s.AsAsync<InsightsDrill, DrillRuns>(ChangeControlScenario.Owner, [Roles.BusinessOwner], d => d.RunsAsync(mine, 0, 10));
        var refused = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => s.AsAsync<InsightsDrill, DrillRuns>(ChangeControlScenario.Owner, [Roles.BusinessOwner],
            d => d.RunsAsync(mine with { Flows = new DrillFlows([WebForm, Opportunities]) }, 0, 10)));

        Assert.Equal(0, own.Total);
        Assert.Contains("flows of objects you own", refused.Message, StringComparison.Ordinal);
        foreach (var bad in new[]
        {
            mine with { Window = new DrillWindow(split, split.AddDays(-1)) },
            mine with { Window = new DrillWindow(split.AddMinutes(30), split.AddHours(2)) },
            mine with { Flows = new DrillFlows(Enumerable.Range(0, DrillFlows.Max + 1).Select(_ => Guid.NewGuid())) },
        })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => s.AsAsync<InsightsDrill, DrillRuns>(Manager, [Roles.Manager], d => d.RunsAsync(bad, 0, 10)));
        }
    }

    private static async Task RejectAsync(InsightsScenario s, Guid flow, DateTime at, int rejected, int version = 1) =>
        await s.DeliverAsync(await s.RunAsync(flow, at, [Outcome(OutcomeKind.Created), .. Enumerable.Range(0, rejected).Select(_ => Outcome(OutcomeKind.Rejected, "bad"))],
            version: version));

    private static ReviewItem Review(Guid flow, DateTime at) => new()
    {
        SystemId = DemoConfiguration.Crm, ObjectId = ObjectOf(flow), FlowId = flow, LeftRecordId = "l", RightRecordId = "r", Score = 0.8, CreatedUtc = at,
        Status = ReviewStatus.Open,
    };

    private static Guid ObjectOf(Guid flow) => flow == WebForm ? StandardObjects.Contact : StandardObjects.Order;

    private static async Task PublishWebFormMappingAsync(InsightsScenario s)
    {
        var current = (await s.Inner.CurrentAsync()).Configuration;
        var firstName = current.Mappings.Single(m => m.FlowId == WebForm && m.TargetField == "first_name");
        var id = await s.Inner.AsOwner(c => c.CreateDraftAsync("Keep first names as typed", "Title case broke names such as McKay."));
        await s.Inner.AsOwner(c => c.SaveItemAsync(id, firstName with { Transforms = [.. firstName.Transforms.Take(1)] }));
        ChangeControlScenario.Require(await s.Inner.AsOwner(c => c.SubmitAsync(id)));
        ChangeControlScenario.Require(await s.Inner.As(ChangeControlScenario.Admin, [Roles.Admin], (ChangeRequestReview r) => r.ApproveAsync(id, null)));
    }
}
