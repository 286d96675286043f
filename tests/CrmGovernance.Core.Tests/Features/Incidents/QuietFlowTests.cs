using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Incidents.Clocks;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Tests.Features.Incidents;

public sealed class QuietFlowTests
{
    [Fact]
    public async Task A_fresh_install_is_not_silent_but_a_scheduled_flow_whose_runs_read_nothing_for_three_intervals_is()
    {
        await using var s = await IncidentScenario.StartAsync();
        var watch = s.Service<IncidentWatch>();
        await watch.RunOnceAsync(CancellationToken.None);
        for (var hour = 0; hour < 3; hour++)
        {
            s.Host.Clock.Advance(TimeSpan.FromMinutes(59));
            await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.Succeeded, read: 0);
            await watch.RunOnceAsync(CancellationToken.None);
            s.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Empty(await s.IncidentsAsync());

        s.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await watch.RunOnceAsync(CancellationToken.None);
        await watch.RunOnceAsync(CancellationToken.None);

        var silent = Assert.Single(await s.IncidentsAsync());
        Assert.Equal((IncidentCause.SilentFlow, IncidentScenario.Orders, 1), (silent.Cause, silent.FlowId, silent.Occurrences));
        Assert.Equal("No run of Shop orders to CRM read any records in 3 hours (3 schedule intervals of 60 minutes); none ever did.", silent.Detail);
    }

    [Fact]
    public async Task A_website_that_stops_posting_is_a_volume_drop_against_the_same_window_of_earlier_weeks()
    {
        await using var s = await IncidentScenario.StartAsync();
        var now = s.Host.Clock.GetUtcNow().UtcDateTime;
        for (var week = 1; week <= 4; week++)
        {
            // 30 enquiries a day in each earlier week; the current day had 5.
            await s.RunAsync(IncidentScenario.WebForm, SyncRunStatus.Succeeded, read: 30, startedUtc: now.AddDays(-7 * week).AddHours(1));
        }
        await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.Succeeded, read: 3, startedUtc: now.AddHours(-5));
        var watch = s.Service<IncidentWatch>();
        s.Host.Clock.Advance(TimeSpan.FromHours(23));
        await s.RunAsync(IncidentScenario.WebForm, SyncRunStatus.Succeeded, read: 5);
        await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.Succeeded, read: 2);
        await watch.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await s.IncidentsAsync());

        s.Host.Clock.Advance(TimeSpan.FromHours(1));
        await watch.RunOnceAsync(CancellationToken.None);

        var drop = Assert.Single(await s.IncidentsAsync());
        Assert.Equal((IncidentCause.VolumeDrop, IncidentScenario.WebForm), (drop.Cause, drop.FlowId));
        Assert.Contains("read 5 records in the last 24 hours; the same window on the previous 4 weeks read 30 on average", drop.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_items_waiting_past_the_sla_are_one_incident_per_object_with_the_count()
    {
        await using var s = await IncidentScenario.StartAsync();
        var created = s.Host.Clock.GetUtcNow().UtcDateTime;
        await s.WriteAsync(db =>
        {
            foreach (var left in new[] { "a", "b", "c" })
            {
                db.ReviewItems.Add(new ReviewItem { ObjectId = StandardObjects.Contact, SystemId = DemoConfiguration.Crm, LeftRecordId = left, RightRecordId = "z", Score = 0.8, CreatedUtc = created });
            }
            db.ReviewItems.Add(new ReviewItem { ObjectId = StandardObjects.Contact, SystemId = DemoConfiguration.Crm, LeftRecordId = "d", RightRecordId = "z", Score = 0.8, CreatedUtc = created, Status = ReviewStatus.Merged });
        });
        var watch = s.Service<IncidentWatch>();
        s.Host.Clock.Advance(TimeSpan.FromHours(71));
        await watch.RunOnceAsync(CancellationToken.None);
        Assert.DoesNotContain(await s.IncidentsAsync(), i => i.Cause == IncidentCause.ReviewOverdue);

        s.Host.Clock.Advance(TimeSpan.FromHours(2));
        await watch.RunOnceAsync(CancellationToken.None);
        await watch.RunOnceAsync(CancellationToken.None);

        var overdue = Assert.Single(await s.IncidentsAsync(), i => i.Cause == IncidentCause.ReviewOverdue);
        Assert.Equal((StandardObjects.Contact, 1), (overdue.ObjectId, overdue.Occurrences));
        Assert.StartsWith("3 items wait", overdue.Detail, StringComparison.Ordinal);
    }
}
