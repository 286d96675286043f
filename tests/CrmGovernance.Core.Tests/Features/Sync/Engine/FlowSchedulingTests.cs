using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

public sealed class FlowSchedulingTests
{
    private static readonly Dictionary<string, string?> Worker = new() { ["Sync:Worker"] = "true" };

    [Fact]
    public async Task A_newly_published_version_reschedules_the_flows_without_a_restart()
    {
        var configuration = SyncScenario.Build();
        await using var f = await SyncFlowFixture.StartAsync(configuration, Worker);
        var scheduler = await f.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var key = new TriggerKey(SyncScenario.Flow.ToString("D"), SyncFlowJob.Group);
        await WaitForAsync(async () => await scheduler.GetTrigger(key) is ICronTrigger { CronExpressionString: "0 0 * * * ?" });

        var flow = configuration.Flows.Single();
        await f.Host.PublishAsync(configuration with { Flows = [flow with { Cron = "0 */5 * * * ?" }] });
        await WaitForAsync(async () => await scheduler.GetTrigger(key) is ICronTrigger { CronExpressionString: "0 */5 * * * ?" });

        await f.Host.PublishAsync(configuration with { Flows = [flow with { Status = FlowStatus.Paused }] });
        await WaitForAsync(async () => await scheduler.GetJobDetail(SyncFlowJob.KeyFor(SyncScenario.Flow)) is null);
    }

    [Fact]
    public async Task An_event_driven_flow_runs_within_seconds_of_its_inbox_filling()
    {
        var configuration = SyncScenario.Build();
        var flow = configuration.Flows.Single() with { Pattern = FlowPattern.EventDriven, Cron = null };
        await using var f = await SyncFlowFixture.StartAsync(configuration with { Flows = [flow] }, Worker);
        // The first poll finds nothing: it keeps no run, only the flow's "last checked".
        await WaitForAsync(async () => await f.Host.QueryAsync(db => db.FlowCursors.AnyAsync(c => c.LastCheckedUtc != null)));
        await f.PersonAsync("a", "a@example.com");

        f.Host.Services.GetRequiredService<InboxSignal>().Notify("source", "contact");

        await WaitForAsync(async () => (await f.ContactsAsync()).Count == 1);
        Assert.True(await f.Host.QueryAsync(db => db.SyncRuns.AnyAsync(r => r.Trigger == SyncTrigger.Inbox)));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The condition did not hold within 15 seconds.");
    }
}
