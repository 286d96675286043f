using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Scenarios;
using CrmGovernance.Core.Features.Scenarios.Library;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Scenarios;

public sealed class SandboxTests
{
    [Fact]
    public async Task A_sandbox_run_writes_nothing_to_any_real_system_nor_to_the_portals_runs()
    {
        var baseline = SyncScenario.Build(SyncScenario.Rule("Update matches", RuleTriggerKind.MatchedExisting, new RuleAction { Kind = RuleActionKind.UpdateOwnedFieldsOnly }));
        var library = ScenarioLibrary.For(baseline, SyncScenario.Flow).Scenarios;
        await using var fixture = await SyncFlowFixture.StartAsync(baseline with { Scenarios = library });
        await fixture.PersonAsync("p1", "elizabeth.whitfield@example.org", "Elizabeth", "Whitfield");
        await SqliteTables.ExecuteAsync(fixture.CrmPath, "INSERT INTO contacts (id, email, first_name, last_name) VALUES ('c1', 'elizabeth.whitfield@example.org', 'Elizabeth', 'Whitfield')");
        var crmBefore = await File.ReadAllBytesAsync(fixture.CrmPath);
        var sourceBefore = await File.ReadAllBytesAsync(fixture.SourcePath);

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-owner", SyncScenario.Owner, [Roles.BusinessOwner], AuditSources.Ui);
        var outcomes = await scope.ServiceProvider.GetRequiredService<ScenarioService>().RunSuiteAsync(SyncScenario.Flow, null);

        Assert.True(outcomes.Count >= 6);
        // Without a match rule a mistyped email makes a second contact: the library says so.
        var typo = Assert.Single(outcomes, o => o.Name == "A typo in the email of an existing record");
        Assert.Equal("a new record was created", Assert.Single(typo.Records).Actual);
        Assert.All(outcomes.Where(o => o != typo), o => Assert.True(o.Passed, $"{o.Name}: {string.Join("; ", o.Records.SelectMany(r => r.Differences).Select(d => $"{d.What} {d.Expected} {d.Actual}"))}"));
        Assert.Contains(outcomes, o => o.Records.Any(r => r.TargetId is not null));
        Assert.Equal(crmBefore, await File.ReadAllBytesAsync(fixture.CrmPath));
        Assert.Equal(sourceBefore, await File.ReadAllBytesAsync(fixture.SourcePath));
        Assert.Equal(("c1", 1), ((await fixture.ContactsAsync()).Single()["id"], (await fixture.ContactsAsync()).Count));
        Assert.Equal(0, await fixture.Host.QueryAsync(db => db.SyncRuns.CountAsync()));
        Assert.Equal(0, await fixture.Host.QueryAsync(db => db.RecordOutcomes.CountAsync()));
        Assert.Equal(0, await fixture.Host.QueryAsync(db => db.CrosswalkLinks.CountAsync()));
        Assert.Equal(0, await fixture.Host.QueryAsync(db => db.ErrorQueueItems.CountAsync()));
    }

    [Fact]
    public async Task The_unavailable_target_scenario_ends_system_unavailable_with_every_record_kept()
    {
        var baseline = SyncScenario.Build();
        var down = ScenarioLibrary.For(baseline, SyncScenario.Flow).Scenarios.Single(s => s.TargetUnavailable);
        var outcome = await Core.Features.Scenarios.Sandbox.ScenarioRunner.RunAsync(baseline, down with
        {
            Inputs = [.. down.Inputs, down.Inputs[0] with { SourceId = "second" }],
        }, TimeProvider.System, CancellationToken.None);
        Assert.True(outcome.Passed);
        Assert.Equal("SystemUnavailable", outcome.RunStatus);
        Assert.Contains("2 record(s) kept for the next run; nothing was lost", outcome.Message, StringComparison.Ordinal);
        Assert.All(outcome.Records, r => Assert.Equal("kept for the next run (the system is down)", r.Actual));
    }
}
