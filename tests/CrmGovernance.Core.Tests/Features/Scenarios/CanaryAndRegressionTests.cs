using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Scenarios.Gate;
using CrmGovernance.Core.Features.Scenarios.Library;
using CrmGovernance.Core.Features.Scenarios.Watch;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using CrmGovernance.Core.Tests.Features.Incidents;
using CrmGovernance.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Scenarios;

public sealed class CanaryAndRegressionTests
{
    [Fact]
    public async Task A_changed_flow_whose_first_runs_refuse_far_more_than_before_opens_an_incident_linked_to_the_change_request()
    {
        await using var s = await IncidentScenario.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await RunAsync(s, version: 1, read: 40, created: 38, rejected: 2);
        }
        var (crId, version) = await PublishAsync(s, "Stricter email check");
        var quiet = await RunAsync(s, version, read: 40, created: 37, rejected: 3);
        await s.HandleAsync<CanaryWatch>(quiet);
        Assert.Empty(await s.IncidentsAsync());

        var drifted = await RunAsync(s, version, read: 40, created: 10, rejected: 30);
        await s.HandleAsync<CanaryWatch>(drifted);
        var incident = Assert.Single(await s.IncidentsAsync());
        Assert.Equal(IncidentCause.CanaryDrift, incident.Cause);
        Assert.Equal(crId, incident.CausingChangeRequestId);
        Assert.Equal(version, incident.CausingVersion);
        Assert.Equal(IncidentScenario.Orders, incident.FlowId);
        Assert.Contains("refuses 41 %", incident.Detail.Replace("41%", "41 %", StringComparison.Ordinal), StringComparison.Ordinal);

        // Past the first runs the canary is quiet: the flow's ordinary triggers take over.
        await RunAsync(s, version, read: 40, created: 38, rejected: 2);
        var late = await RunAsync(s, version, read: 40, created: 0, rejected: 40);
        await s.HandleAsync<CanaryWatch>(late);
        Assert.Single(await s.IncidentsAsync());
    }

    [Fact]
    public async Task A_run_of_a_flow_the_change_did_not_touch_is_no_canary()
    {
        await using var s = await IncidentScenario.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await RunAsync(s, version: 1, read: 40, created: 40, rejected: 0, flow: IncidentScenario.WebForm);
        }
        var (_, version) = await PublishAsync(s, "Orders only");
        await s.HandleAsync<CanaryWatch>(await RunAsync(s, version, read: 40, created: 0, rejected: 40, flow: IncidentScenario.WebForm));
        Assert.Empty(await s.IncidentsAsync());
    }

    [Fact]
    public async Task The_nightly_regression_opens_an_incident_for_the_owner_of_a_flow_whose_scenarios_fail_and_closes_it_once_they_pass()
    {
        await using var s = await IncidentScenario.StartAsync();
        var current = (await s.Inner.CurrentAsync()).Configuration;
        var scenarios = ScenarioLibrary.For(current, IncidentScenario.WebForm).Scenarios;
        var broken = scenarios[0] with { Inputs = [scenarios[0].Inputs[0] with { Expected = new ScenarioExpectation { Outcome = ExpectedOutcome.Rejected } }] };
        var id = await s.Inner.AsOwner(c => c.CreateDraftAsync("Scenarios", "Nightly"));
        foreach (var scenario in scenarios.Skip(1).Append(broken))
        {
            ChangeControlScenario.Require(await s.Inner.AsOwner(c => c.SaveItemAsync(id, scenario)));
        }
        ChangeControlScenario.Require(await s.Inner.As<ChangeRequestScenarios, OperationResult>(ChangeControlScenario.Admin, [Roles.Admin],
            o => o.OverrideAsync(id, "Publishing a deliberately wrong expectation for the test")));
        ChangeControlScenario.Require(await s.Inner.AsOwner(c => c.SubmitAsync(id)));
        ChangeControlScenario.Require(await s.Inner.As(ChangeControlScenario.Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));

        var failing = await RegressionAsync(s);
        Assert.Equal(["Web form to CRM contacts"], failing);
        var incident = Assert.Single(await s.IncidentsAsync());
        Assert.Equal(IncidentCause.ScenarioRegression, incident.Cause);
        Assert.Equal(ChangeControlScenario.Owner, incident.Owner);
        Assert.Contains(broken.Name, incident.Detail, StringComparison.Ordinal);
        Assert.Equal(["Web form to CRM contacts"], await RegressionAsync(s));
        Assert.Single(await s.IncidentsAsync());

        var fix = await s.Inner.AsOwner(c => c.CreateDraftAsync("Fix the scenario", "It expected the wrong thing"));
        ChangeControlScenario.Require(await s.Inner.AsOwner(c => c.SaveEditAsync(fix, broken, scenarios[0])));
        ChangeControlScenario.Require(await s.Inner.AsOwner(c => c.SubmitAsync(fix)));
        ChangeControlScenario.Require(await s.Inner.As(ChangeControlScenario.Admin, [Roles.Admin], r => r.ApproveAsync(fix, null)));
        Assert.Empty(await RegressionAsync(s));
        Assert.Equal(IncidentEnding.Recovered, Assert.Single(await s.IncidentsAsync()).Ending);
    }

    private static async Task<IReadOnlyList<string>> RegressionAsync(IncidentScenario s)
    {
        await using var scope = s.Host.Scope(a => a.SetSystem("scenario regression", null));
        return await scope.ServiceProvider.GetRequiredService<ScenarioRegression>().RunAsync(CancellationToken.None);
    }

    private static async Task<(Guid Id, int Version)> PublishAsync(IncidentScenario s, string title)
    {
        var flow = (await s.Inner.CurrentAsync()).Configuration.FindFlow(IncidentScenario.Orders)!;
        var id = await s.Inner.AsOwner(c => c.CreateDraftAsync(title, "Canary test"));
        ChangeControlScenario.Require(await s.Inner.AsOwner(c => c.SaveItemAsync(id, flow with { Outcome = title })));
        ChangeControlScenario.Require(await s.Inner.AsOwner(c => c.SubmitAsync(id)));
        ChangeControlScenario.Require(await s.Inner.As(ChangeControlScenario.Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));
        return (id, (await s.Inner.CurrentAsync()).Version);
    }

    private static async Task<RunFinished> RunAsync(IncidentScenario s, int version, int read, int created, int rejected, Guid? flow = null)
    {
        var now = s.Host.Clock.GetUtcNow().UtcDateTime;
        var run = new SyncRun
        {
            FlowId = flow ?? IncidentScenario.Orders, FlowName = flow is null ? "Shop orders to CRM" : "Web form to CRM contacts", ConfigurationVersion = version,
            Status = rejected > 0 ? SyncRunStatus.CompletedWithErrors : SyncRunStatus.Succeeded, Trigger = SyncTrigger.Schedule,
            StartedUtc = now, FinishedUtc = now, HeartbeatUtc = now, Read = read, Created = created, Updated = read - created - rejected, Rejected = rejected,
        };
        await s.WriteAsync(db => db.SyncRuns.Add(run));
        s.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        return new RunFinished(run.Id, run.FlowId, run.Status.ToString(), false, read, created, run.Updated, 0, rejected, 0);
    }
}
