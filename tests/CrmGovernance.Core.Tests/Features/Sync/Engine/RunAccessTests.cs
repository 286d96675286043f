using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>The runner is a service entry point: it checks who asks, scoped to the flows they answer for.</summary>
public sealed class RunAccessTests
{
    [Fact]
    public async Task An_admin_dry_runs_a_change_requests_draft_from_a_scope_with_nobody_signed_in()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("p1", "ann@example.com");
        var admin = Person("admin@example.com", Roles.Admin);
        Guid draft;
        await using (var scope = f.Host.Services.CreateAsyncScope())
        {
            admin.CopyTo(scope.ServiceProvider.GetRequiredService<ActorContext>());
            var requests = scope.ServiceProvider.GetRequiredService<ChangeRequestService>();
            var current = await scope.ServiceProvider.GetRequiredService<PublishedConfiguration>().CurrentAsync();
            draft = await requests.CreateDraftAsync("Reword the flow", "Try it first");
            Assert.True((await requests.SaveItemAsync(draft, current.Configuration.FindFlow(SyncScenario.Flow)! with { Outcome = "Every enquiry reaches the CRM." })).Succeeded);
        }

        var run = await f.Host.Runner.RunAsync(new SyncRunRequest(SyncScenario.Flow, SyncTrigger.Manual, admin.Name, DryRun: true, ChangeRequestId: draft),
            admin, CancellationToken.None);

        Assert.True(run.DryRun);
        Assert.Equal(draft, run.ChangeRequestId);
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Empty(await f.ContactsAsync());
    }

    [Theory]
    [InlineData(Roles.Manager, "owner@example.com")]
    [InlineData(Roles.Auditor, "owner@example.com")]
    [InlineData(Roles.BusinessOwner, "someone.else@example.com")]
    [InlineData(Roles.Steward, "someone.else@example.com")]
    public async Task Run_now_dry_run_and_replay_are_refused_to_whoever_does_not_answer_for_the_flow(string role, string name)
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("p1", "ann@example.com");
        var caller = Person(name, role);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => f.Host.Runner.RunAsync(new SyncRunRequest(SyncScenario.Flow, SyncTrigger.Manual, name), caller, CancellationToken.None));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => f.Host.Runner.StartAsync(new SyncRunRequest(SyncScenario.Flow, SyncTrigger.Manual, name, DryRun: true), caller, CancellationToken.None));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => f.Host.Runner.StartReplayAsync(SyncScenario.Flow, null, caller, CancellationToken.None));

        Assert.Equal(0, await f.Host.QueryAsync(db => db.SyncRuns.CountAsync()));
        Assert.Empty(await f.ContactsAsync());
    }

    [Theory]
    [InlineData(Roles.BusinessOwner)]
    [InlineData(Roles.Steward)]
    public async Task The_owner_or_steward_of_the_flows_object_may_run_it(string role)
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("p1", "ann@example.com");

        var run = await f.Host.Runner.RunAsync(new SyncRunRequest(SyncScenario.Flow, SyncTrigger.Manual, SyncScenario.Owner), Person(SyncScenario.Owner, role), CancellationToken.None);

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Single(await f.ContactsAsync());
    }

    private static ActorContext Person(string name, string role)
    {
        var actor = new ActorContext();
        actor.SetUser("id-" + name, name, [role], AuditSources.Ui);
        return actor;
    }
}
