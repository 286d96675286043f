using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Incidents.Clocks;
using CrmGovernance.Core.Features.Incidents.Triggers;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CrmGovernance.Core.Tests.Features.Incidents;

public sealed class RealRunIncidentTests
{
    [Fact]
    public async Task A_real_run_against_a_missing_source_table_opens_an_incident_and_the_next_clean_run_recovers_it()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await SqliteTables.ExecuteAsync(f.SourcePath, "ALTER TABLE people RENAME TO people_gone");
        var failed = await f.RunAsync();
        await DeliverRunFinishedAsync(f, failed.Id);

        var incident = Assert.Single(await f.Host.QueryAsync(db => db.Set<Incident>().ToListAsync()));
        Assert.True(incident.IsActive);
        Assert.Equal(failed.Id, incident.LastRunId);
        Assert.Equal(SyncRunStatus.Failed, failed.Status);
        Assert.Equal((IncidentCause.RunFailed, SyncScenario.Flow), (incident.Cause, incident.FlowId));
        Assert.Contains("people", incident.Detail, StringComparison.Ordinal);

        await SqliteTables.ExecuteAsync(f.SourcePath, "ALTER TABLE people_gone RENAME TO people");
        await f.PersonAsync("p1", "ann@example.com");
        var clean = await f.RunAsync();
        Assert.Equal(SyncRunStatus.Succeeded, clean.Status);
        await DeliverRunFinishedAsync(f, clean.Id);

        var recovered = Assert.Single(await f.Host.QueryAsync(db => db.Set<Incident>().ToListAsync()));
        Assert.Equal((IncidentState.Closed, IncidentEnding.Recovered), (recovered.State, recovered.Ending));
    }

    [Fact]
    public async Task A_run_failing_after_a_publish_that_pointed_its_source_at_a_missing_table_names_that_version()
    {
        var configuration = SyncScenario.Build();
        await using var f = await SyncFlowFixture.StartAsync(configuration);
        await f.PersonAsync("p1", "ann@example.com");
        Assert.Equal(SyncRunStatus.Succeeded, (await f.RunAsync()).Status);
        // Version 2 points the source system at a table that does not exist.
        var source = configuration.FindSystem(SyncScenario.Source)!;
        var settings = new SortedDictionary<string, string>(source.Settings, StringComparer.Ordinal) { ["contact.table"] = "people_typo" };
        await f.Host.PublishAsync(configuration with { Systems = [.. configuration.Systems.Select(s => s.Id == source.Id ? s with { Settings = settings } : s)] });

        var failed = await f.RunAsync();
        await DeliverRunFinishedAsync(f, failed.Id);

        var incident = Assert.Single(await f.Host.QueryAsync(db => db.Set<Incident>().ToListAsync()));
        Assert.Equal(SyncRunStatus.Failed, failed.Status);
        Assert.Equal((IncidentCause.RunFailed, 2, 2), (incident.Cause, incident.ConfigurationVersion, incident.CausingVersion));
        Assert.StartsWith("Began 0 minutes after version 2", incident.CausingSummary, StringComparison.Ordinal);
        Assert.Contains(source.DisplayName, incident.CausingSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_scheduler_runs_the_incident_watch_every_minute()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        var scheduler = await f.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(IncidentWatchJob.Trigger));
        Assert.Equal(TimeSpan.FromMinutes(1), trigger.RepeatInterval);
        Assert.Equal(IncidentWatchJob.Key, trigger.JobKey);
        // The job as the scheduler's factory builds it, from the host's services.
        await using var scope = f.Host.Services.CreateAsyncScope();
        Assert.NotNull(ActivatorUtilities.CreateInstance<IncidentWatchJob>(scope.ServiceProvider));
    }

    /// <summary>The event the engine wrote to the outbox for the run, handed to the trigger as the dispatcher would.</summary>
    private static async Task DeliverRunFinishedAsync(SyncFlowFixture f, long runId)
    {
        var rows = await f.Host.QueryAsync(db => db.OperationsEvents.AsNoTracking().Where(e => e.Kind == nameof(RunFinished)).ToListAsync());
        var envelope = rows.Select(OperationsEventKinds.Read).Single(e => e?.Event is RunFinished r && r.RunId == runId)!;
        await f.Host.Services.GetRequiredService<RunFinishedTrigger>().HandleAsync(envelope, CancellationToken.None);
    }
}
