using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Hosting;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>A run tells the telemetry instruments what it recorded, labelled by flow and outcome, and nothing about dry runs' records.</summary>
public sealed class RunTelemetryTests
{
    [Fact]
    public async Task A_run_counts_itself_and_its_records_per_outcome_as_recorded()
    {
        var flow = "telemetry " + Guid.NewGuid().ToString("N");
        using var telemetry = new TelemetryRecorder();
        await using var f = await StartAsync(flow);
        await f.PersonAsync("a", "a@example.com");
        await f.PersonAsync("b", "not-an-email");
        await f.PersonAsync("c", "c@example.com");
        var first = await f.RunAsync();
        await f.PersonAsync("a", "a@example.com", "Anna");

        var second = await f.RunAsync();

        Assert.Equal((2, 1, 1), (first.Created, first.Rejected, second.Read));
        foreach (var outcome in Enum.GetValues<OutcomeKind>())
        {
            Assert.Equal(first.Count(outcome) + second.Count(outcome), telemetry.Sum("crmgov.sync.records", ("flow", flow), ("outcome", outcome.ToString())));
        }
        Assert.Equal(1, telemetry.Sum("crmgov.sync.runs", ("flow", flow), ("status", nameof(SyncRunStatus.CompletedWithErrors)), ("trigger", "Manual")));
        Assert.Equal(1, telemetry.Sum("crmgov.sync.runs", ("flow", flow), ("status", nameof(SyncRunStatus.Succeeded))));
        Assert.Equal(2, telemetry.Count("crmgov.sync.run.duration", ("flow", flow)));
        // One batch each; each run reads once more to find it has reached the end.
        Assert.Equal((4, 2, 2), (telemetry.Count("crmgov.sync.batch.duration", ("flow", flow), ("phase", RunTelemetry.ReadPhase)),
            telemetry.Count("crmgov.sync.batch.duration", ("flow", flow), ("phase", RunTelemetry.ProcessPhase)),
            telemetry.Count("crmgov.sync.batch.duration", ("flow", flow), ("phase", RunTelemetry.RecordPhase))));
    }

    [Fact]
    public async Task A_poll_that_finds_nothing_counts_as_nothing_new_and_a_dry_run_records_no_outcomes()
    {
        var flow = "telemetry " + Guid.NewGuid().ToString("N");
        using var telemetry = new TelemetryRecorder();
        await using var f = await StartAsync(flow);
        await f.PersonAsync("a", "a@example.com");

        var dry = await f.RunAsync(dryRun: true);
        await f.Host.Runner.RunAsync(new SyncRunRequest(SyncScenario.Flow, SyncTrigger.Schedule, "scheduler"), ActorContext.System("scheduler"), CancellationToken.None);
        await f.Host.Runner.RunAsync(new SyncRunRequest(SyncScenario.Flow, SyncTrigger.Schedule, "scheduler"), ActorContext.System("scheduler"), CancellationToken.None);

        Assert.Equal(1, dry.Created);
        Assert.Equal(1, telemetry.Sum("crmgov.sync.runs", ("flow", flow), ("dry_run", true)));
        Assert.Equal(1, telemetry.Sum("crmgov.sync.records", ("flow", flow)));
        Assert.Equal(1, telemetry.Sum("crmgov.sync.runs", ("flow", flow), ("status", RunTelemetry.NothingNew), ("trigger", "Schedule")));
    }

    private static Task<SyncFlowFixture> StartAsync(string flowName)
    {
        var configuration = SyncScenario.Build();
        var index = configuration.Flows.FindIndex(f => f.Id == SyncScenario.Flow);
        configuration.Flows[index] = configuration.Flows[index] with { Name = flowName };
        return SyncFlowFixture.StartAsync(configuration);
    }
}
