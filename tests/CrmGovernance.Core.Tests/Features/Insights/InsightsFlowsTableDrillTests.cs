using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using static CrmGovernance.Core.Tests.Features.Insights.InsightsScenario;

namespace CrmGovernance.Core.Tests.Features.Insights;

/// <summary>The flows table's failed and manual handling numbers drill down to exactly what they count, for their flow.</summary>
public sealed class InsightsFlowsTableDrillTests
{
    [Fact]
    public async Task Failed_lists_the_failed_records_and_manual_handling_the_review_and_error_items_of_the_flow_together()
    {
        await using var s = await InsightsScenario.StartAsync();
        var at = s.Now.AddDays(-1);
        await s.DeliverAsync(await s.RunAsync(WebForm, at, [Outcome(OutcomeKind.Created), Outcome(OutcomeKind.Failed), Outcome(OutcomeKind.Failed), Outcome(OutcomeKind.Rejected, "bad")]));
        await s.DeliverAsync(await s.RunAsync(Orders, at, [Outcome(OutcomeKind.Failed)]));
        await s.WriteAsync(db =>
        {
            db.ReviewItems.Add(new ReviewItem
            {
                SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, FlowId = WebForm, LeftRecordId = "l", RightRecordId = "r", Score = 0.8, CreatedUtc = at,
            });
            db.ErrorQueueItems.AddRange(Error(WebForm, at), Error(WebForm, at.AddMinutes(1)), Error(Orders, at));
        });
        await s.DeliverAsync(new RecordsQueuedForReview(DemoConfiguration.Crm, StandardObjects.Contact, 1, null, null), at);
        await s.DeliverAsync(new ErrorQueueItemsAdded(WebForm, 2, null), at);
        await s.DeliverAsync(new ErrorQueueItemsAdded(Orders, 1, null), at);
        var only = InsightsFilter.LastDays(s.Today, 7) with { FlowId = WebForm };
        var row = (await s.DashboardAsync(only with { FlowId = null })).Flows.Single(f => f.FlowId == WebForm);

        var failed = await s.AsAsync<InsightsDrill, DrillRuns>(Manager, [Roles.Manager], d => d.RunsAsync(new DrillQuery(DrillFigures.RecordsFailed, only), 0, 50));
        var records = await s.AsAsync<InsightsDrill, PagedResult<DrillRecord>>(Manager, [Roles.Manager], d => d.RecordsAsync(new DrillQuery(DrillFigures.RecordsFailed, only), null, 0, 50));
        var manual = await s.AsAsync<InsightsDrill, DrillItems>(Manager, [Roles.Manager], d => d.ItemsAsync(new DrillQuery(DrillFigures.ManualPerThousand, only), 0, 50));
        var secondPage = await s.AsAsync<InsightsDrill, DrillItems>(Manager, [Roles.Manager], d => d.ItemsAsync(new DrillQuery(DrillFigures.ManualPerThousand, only), 1, 2));

        Assert.Equal((2.0, 2.0), (row.Failed, failed.Counted));
        Assert.Equal(2, records.Total);
        Assert.All(records.Items, r => Assert.Equal(nameof(OutcomeKind.Failed), r.Outcome));
        Assert.Equal(3, manual.Total);
        Assert.Equal([DrillSource.ReviewQueue, DrillSource.ErrorQueue, DrillSource.ErrorQueue], manual.Items.Select(i => i.Source).Order());
        Assert.Equal(row.ManualPerThousand!.Value, manual.Figure!.Value, 6);
        Assert.Single(secondPage.Items);
    }

    private static ErrorQueueItem Error(Guid flow, DateTime at) => new()
    {
        Kind = ErrorKind.Failed, FlowId = flow, SystemKey = "crm", ObjectKey = "x", SourceId = "e", Reason = "r", Payload = "{}", CreatedUtc = at,
    };
}
