using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Incidents.Triggers;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Tests.Features.Incidents;

public sealed class RunFinishedTriggerTests
{
    [Fact]
    public async Task Failed_runs_open_one_incident_repeats_fold_into_it_and_a_redelivered_event_counts_once()
    {
        await using var s = await IncidentScenario.StartAsync();
        var first = await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.Failed, message: "The source table does not exist.");
        await s.HandleAsync<RunFinishedTrigger>(first);
        await s.HandleAsync<RunFinishedTrigger>(first);
        s.Host.Clock.Advance(TimeSpan.FromHours(1));
        await s.HandleAsync<RunFinishedTrigger>(await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.Aborted));
        // A dry run is nobody's incident.
        await s.HandleAsync<RunFinishedTrigger>((await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.Failed)) with { DryRun = true });

        var incident = Assert.Single(await s.IncidentsAsync());
        Assert.Equal(IncidentCause.RunFailed, incident.Cause);
        Assert.Equal(IncidentScenario.Orders, incident.FlowId);
        Assert.Equal(2, incident.Occurrences);
        Assert.Contains("The source table does not exist.", incident.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_run_after_a_failed_run_ends_it_as_recovered_and_a_recurrence_within_the_window_reopens_it()
    {
        await using var s = await IncidentScenario.StartAsync();
        await s.HandleAsync<RunFinishedTrigger>(await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.Failed));
        s.Host.Clock.Advance(TimeSpan.FromHours(1));
        var clean = await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.Succeeded, read: 5);
        await s.HandleAsync<RunFinishedTrigger>(clean);

        var recovered = Assert.Single(await s.IncidentsAsync());
        Assert.Equal(IncidentState.Closed, recovered.State);
        Assert.Equal(IncidentEnding.Recovered, recovered.Ending);
        Assert.Equal(s.Host.Clock.GetUtcNow().UtcDateTime, recovered.ClosedUtc);
        Assert.Contains(await s.TimelineAsync(recovered.Id), e => e.Kind == IncidentEntryKind.Recovered && e.Text == $"Recovered: run #{clean.RunId} succeeded.");
        Assert.Contains(await s.ChangesAsync(), p => p.Contains("\"change\":\"recovered\"", StringComparison.Ordinal));

        s.Host.Clock.Advance(TimeSpan.FromHours(2));
        await s.HandleAsync<RunFinishedTrigger>(await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.Failed));
        var reopened = Assert.Single(await s.IncidentsAsync());
        Assert.Equal(IncidentState.Open, reopened.State);
        Assert.Equal(1, reopened.ReopenCount);
    }

    [Fact]
    public async Task An_unreachable_system_is_one_incident_for_every_flow_that_fails_on_it_and_a_clean_run_there_recovers_it()
    {
        await using var s = await IncidentScenario.StartAsync();
        var crm = (await s.Inner.CurrentAsync()).Configuration.FindSystem(DemoConfiguration.Crm)!;
        var message = $"The system '{crm.Key}' (rest connector) did not answer in time (POST /contacts).";
        await s.HandleAsync<RunFinishedTrigger>(await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.SystemUnavailable, message: message));
        await s.HandleAsync<RunFinishedTrigger>(await s.RunAsync(IncidentScenario.WebForm, SyncRunStatus.SystemUnavailable, message: message));

        var incident = Assert.Single(await s.IncidentsAsync());
        Assert.Equal(IncidentCause.SystemUnavailable, incident.Cause);
        Assert.Equal(DemoConfiguration.Crm, incident.SystemId);
        Assert.Equal(2, incident.Occurrences);

        await s.HandleAsync<RunFinishedTrigger>(await s.RunAsync(IncidentScenario.WebForm, SyncRunStatus.Succeeded, read: 0));
        Assert.Equal(IncidentEnding.Recovered, Assert.Single(await s.IncidentsAsync()).Ending);
    }

    [Fact]
    public async Task A_run_that_rejects_everything_is_nothing_succeeded_and_one_rejecting_a_large_share_is_a_rejection_rate()
    {
        await using var s = await IncidentScenario.StartAsync();
        await s.HandleAsync<RunFinishedTrigger>(await s.RunAsync(IncidentScenario.Orders, SyncRunStatus.CompletedWithErrors, read: 12, rejected: 9, failed: 3));
        // One bad record of one (a single enquiry) is that record's problem, in the error queue, not a flow moving nothing.
        await s.HandleAsync<RunFinishedTrigger>(await s.RunAsync(IncidentScenario.WebForm, SyncRunStatus.CompletedWithErrors, read: 1, rejected: 1));
        await s.HandleAsync<RunFinishedTrigger>(await s.RunAsync(IncidentScenario.WebForm, SyncRunStatus.CompletedWithErrors, read: 40, rejected: 10));
        // Below the minimum of records (10 by default), a high share is not a trend.
        await s.HandleAsync<RunFinishedTrigger>(await s.RunAsync(IncidentScenario.WebForm, SyncRunStatus.CompletedWithErrors, read: 5, rejected: 2));

        var incidents = await s.IncidentsAsync();
        Assert.Equal([IncidentCause.NothingSucceeded, IncidentCause.RejectionRate], incidents.Select(i => i.Cause));
        Assert.Equal(IncidentScenario.WebForm, incidents[1].FlowId);
        Assert.Equal(1, incidents[1].Occurrences);
        Assert.Contains("(25%", incidents[1].Detail, StringComparison.Ordinal);
    }
}
