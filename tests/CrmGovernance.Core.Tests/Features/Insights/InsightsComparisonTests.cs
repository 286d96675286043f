using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using static CrmGovernance.Core.Tests.Features.Insights.InsightsScenario;

namespace CrmGovernance.Core.Tests.Features.Insights;

public sealed class InsightsComparisonTests
{
    [Fact]
    public async Task A_version_that_changed_one_flow_compares_it_before_and_after_beside_the_flows_it_did_not_change()
    {
        await using var s = await InsightsScenario.StartAsync();
        var t = s.Now;
        // Before: the web form rejects 2 of 4 records a day; the orders flow moves 3 a day.
        for (var day = 1; day <= 4; day++)
        {
            await s.DeliverAsync(await s.RunAsync(WebForm, t.AddDays(-day),
                [Outcome(OutcomeKind.Created), Outcome(OutcomeKind.Created), Outcome(OutcomeKind.Rejected, "bad"), Outcome(OutcomeKind.Rejected, "bad")]));
            await s.DeliverAsync(await s.RunAsync(Orders, t.AddDays(-day), [Outcome(OutcomeKind.Created), Outcome(OutcomeKind.Created), Outcome(OutcomeKind.Created)]));
        }
        await PublishWebFormMappingAsync(s);
        // After: two days; the web form rejects nothing, the orders flow is as before.
        s.Host.Clock.Advance(TimeSpan.FromDays(2));
        for (var day = 0; day < 2; day++)
        {
            await s.DeliverAsync(await s.RunAsync(WebForm, t.AddDays(day).AddHours(1), [Outcome(OutcomeKind.Created), Outcome(OutcomeKind.Created)], version: 2));
            await s.DeliverAsync(await s.RunAsync(Orders, t.AddDays(day).AddHours(1), [Outcome(OutcomeKind.Created), Outcome(OutcomeKind.Created), Outcome(OutcomeKind.Created)], version: 2));
        }

        var comparison = await s.AsAsync<InsightsComparison, VersionComparison>(Manager, [Roles.Manager], c => c.CompareAsync(2, 4));

        Assert.Equal([WebForm], comparison.ChangedFlows.Select(f => f.Id));
        Assert.Contains(comparison.ControlFlows, f => f.Id == Orders);
        Assert.Equal("Keep first names as typed", comparison.Title);
        var rejected = comparison.Rows.Single(r => r.Key == InsightCards.Rejections);
        Assert.Equal((2.0, 0.0), (rejected.ChangedBefore!.Value, rejected.ChangedAfter!.Value));
        Assert.Equal((0.0, 0.0), (rejected.ControlBefore!.Value, rejected.ControlAfter!.Value));
        Assert.Equal(-2.0, rejected.Effect);
        var moved = comparison.Rows.Single(r => r.Key == InsightCards.RecordsMoved);
        Assert.Equal((2.0, 2.0, 3.0, 3.0), (moved.ChangedBefore!.Value, moved.ChangedAfter!.Value, moved.ControlBefore!.Value, moved.ControlAfter!.Value));

        // The version is marked on the dashboard's charts in the period it falls in.
        var data = await s.DashboardAsync(InsightsFilter.LastDays(s.Today, 7));
        Assert.Contains(data.Versions, v => v.Number == 2 && v.Title == "Keep first names as typed");
        await Assert.ThrowsAsync<KeyNotFoundException>(() => s.AsAsync<InsightsComparison, VersionComparison>(Manager, [Roles.Manager], c => c.CompareAsync(99)));
        await Assert.ThrowsAsync<ArgumentException>(() => s.AsAsync<InsightsComparison, VersionComparison>(Manager, [Roles.Manager], c => c.CompareAsync(2, 0)));
    }

    /// <summary>Version 2: a change request edits a mapping of the web form flow only, approved by the admin.</summary>
    private static async Task PublishWebFormMappingAsync(InsightsScenario s)
    {
        var current = (await s.Inner.CurrentAsync()).Configuration;
        var firstName = current.Mappings.Single(m => m.FlowId == WebForm && m.TargetField == "first_name");
        var mapping = firstName with { Transforms = [.. firstName.Transforms.Take(1)] };
        var id = await s.Inner.AsOwner(c => c.CreateDraftAsync("Keep first names as typed", "Title case broke names such as McKay."));
        await s.Inner.AsOwner(c => c.SaveItemAsync(id, mapping));
        ChangeControlScenario.Require(await s.Inner.AsOwner(c => c.SubmitAsync(id)));
        ChangeControlScenario.Require(await s.Inner.As(ChangeControlScenario.Admin, [Roles.Admin], (ChangeRequestReview r) => r.ApproveAsync(id, null)));
    }
}
