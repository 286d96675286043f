using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using static CrmGovernance.Core.Tests.Features.Insights.InsightsScenario;

namespace CrmGovernance.Core.Tests.Features.Insights;

/// <summary>
/// The roll-ups grow from events only: a run cut off by a crash, ended as Interrupted by the next run of its flow, must
/// reach them through its RunFinished, or the runs count and the success rate would be short of it.
/// </summary>
public sealed class InterruptedRunInsightsTests
{
    [Fact]
    public async Task A_run_interrupted_after_a_crash_counts_as_a_failed_run_in_the_roll_up()
    {
        await using var s = await InsightsScenario.StartAsync();
        var done = await s.RunAsync(WebForm, s.Now.AddHours(-3), [Outcome(OutcomeKind.Created)]);
        await s.DeliverAsync(done);
        var cutOff = new SyncRun
        {
            FlowId = WebForm, FlowName = "Web form to CRM contacts", ConfigurationVersion = 1, Trigger = SyncTrigger.Schedule, StartedUtc = s.Now.AddHours(-2),
            HeartbeatUtc = s.Now.AddHours(-2).AddMinutes(1), Read = 4, Created = 4,
        };
        await s.WriteAsync(db => db.SyncRuns.Add(cutOff));

        Assert.Equal(1, await s.QueryAsync(db => CutOffRuns.InterruptAsync(db, WebForm, s.Now, CancellationToken.None)));
        var stored = await s.QueryAsync(db => db.OperationsEvents.AsNoTracking().Where(e => e.Kind == nameof(RunFinished)).ToListAsync());
        await s.DeliverAsync(Assert.Single(stored.Select(e => OperationsEventKinds.Read(e)!.Event).OfType<RunFinished>(), e => e.RunId == cutOff.Id));

        var web = Assert.Single((await s.DashboardAsync(InsightsFilter.LastDays(s.Today, 7))).Flows, f => f.FlowId == WebForm);
        Assert.Equal((2.0, 0.5), (web.Runs, web.SuccessRate!.Value));
    }
}
