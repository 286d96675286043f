using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Incidents.Ownership;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Incidents.Ownership;

public sealed class FlowHealthTests
{
    private static readonly Guid Flow = Guid.NewGuid();

    [Theory]
    [InlineData(null, 0, null, FlowHealthLevel.Healthy)]
    [InlineData(null, 0, SyncRunStatus.Succeeded, FlowHealthLevel.Healthy)]
    [InlineData(IncidentSeverity.Low, 0, SyncRunStatus.Succeeded, FlowHealthLevel.Warning)]
    [InlineData(IncidentSeverity.Medium, 0, null, FlowHealthLevel.Warning)]
    [InlineData(IncidentSeverity.High, 0, SyncRunStatus.Succeeded, FlowHealthLevel.Failing)]
    [InlineData(IncidentSeverity.Critical, 0, null, FlowHealthLevel.Failing)]
    [InlineData(null, 0, SyncRunStatus.CompletedWithErrors, FlowHealthLevel.Warning)]
    [InlineData(null, 0, SyncRunStatus.Interrupted, FlowHealthLevel.Warning)]
    [InlineData(null, 0, SyncRunStatus.Failed, FlowHealthLevel.Failing)]
    [InlineData(null, 0, SyncRunStatus.SystemUnavailable, FlowHealthLevel.Failing)]
    [InlineData(IncidentSeverity.Low, 0, SyncRunStatus.Failed, FlowHealthLevel.Failing)]
    [InlineData(IncidentSeverity.Low, 1, SyncRunStatus.Succeeded, FlowHealthLevel.Failing)]
    public void A_flows_health_is_the_worst_of_its_incidents_their_clocks_and_its_last_run(
        IncidentSeverity? worst, int breached, SyncRunStatus? lastRun, FlowHealthLevel expected)
    {
        var incidents = worst is null ? IncidentClockStatus.None : new IncidentClockStatus(1, breached, null, worst);

        var health = FlowHealthRow.Judge(Flow, incidents, lastRun);

        Assert.Equal(expected, health.Level);
        Assert.NotEmpty(health.Reasons);
    }

    [Fact]
    public void The_reasons_say_why_worst_first()
    {
        var health = FlowHealthRow.Judge(Flow, new IncidentClockStatus(2, 0, null, IncidentSeverity.Medium), SyncRunStatus.Failed);

        Assert.Equal(["last run: failed", "2 active incidents, the worst medium"], health.Reasons);
    }

    [Fact]
    public async Task A_failed_run_incident_makes_its_flow_failing_and_leaves_the_others_healthy()
    {
        await using var scenario = await StartAsync();
        await scenario.Host.Singleton<IncidentRecorder>().RecordAsync(
            new IncidentSignal(IncidentCause.RunFailed, "Run failed", "x") { FlowId = DemoConfiguration.WebFormFlow });

        await using var scope = scenario.Host.ScopeAs("auditor@example.com", Roles.Auditor);
        var health = await scope.ServiceProvider.GetRequiredService<FlowHealth>().ListAsync();

        Assert.Equal(FlowHealthLevel.Failing, health[DemoConfiguration.WebFormFlow].Level);
        Assert.Equal(1, health[DemoConfiguration.WebFormFlow].ActiveIncidents);
        Assert.Equal(FlowHealthLevel.Healthy, health[DemoConfiguration.OrdersFlow].Level);
        Assert.Equal(["no active incidents; no run yet"], health[DemoConfiguration.OrdersFlow].Reasons);
        Assert.Equal(3, health.Count);
    }
}
