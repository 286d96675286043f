using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core;
using CrmGovernance.Core.Features.Scenarios.Gate;
using CrmGovernance.Core.Features.Scenarios.Library;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;
using CrmGovernance.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Scenarios;

public sealed class ScenarioGateTests
{
    private const string Admin = ChangeControlScenario.Admin;

    [Fact]
    public async Task A_draft_that_breaks_a_scenario_is_refused_at_submission_and_approval_until_an_admin_lets_it_through_with_a_recorded_reason()
    {
        await using var cc = await ChangeControlScenario.StartAsync();
        await WithLibraryAsync(cc);
        var current = (await cc.CurrentAsync()).Configuration;
        var createRule = current.Rules.Single(r => r.FlowId == DemoConfiguration.WebFormFlow && r.Trigger == RuleTriggerKind.Created);
        var breaking = createRule with { Actions = [new RuleAction { Kind = RuleActionKind.Reject, Reason = "New contacts are paused" }] };
        var id = await cc.AsOwner(s => s.CreateDraftAsync("Pause new contacts", "Migration week"));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveItemAsync(id, breaking)));

        var submitted = await cc.AsOwner(s => s.SubmitAsync(id));
        Assert.False(submitted.Succeeded);
        Assert.Contains(submitted.Errors, e => e.Contains("Scenario \"The same record sent twice\" of Web form to CRM contacts fails on the draft", StringComparison.Ordinal)
            && e.Contains("expected a new record is created, got refused", StringComparison.Ordinal));
        Assert.Equal(ChangeRequestStatus.Draft, (await cc.AsOwner(s => s.GetAsync(id)))!.Status);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            cc.As<ChangeRequestScenarios, OperationResult>(ChangeControlScenario.OtherOwner, [Roles.BusinessOwner], s => s.OverrideAsync(id, "I would like it to go through")));
        Assert.False((await cc.As<ChangeRequestScenarios, OperationResult>(Admin, [Roles.Admin], s => s.OverrideAsync(id, "short"))).Succeeded);
        ChangeControlScenario.Require(await cc.As<ChangeRequestScenarios, OperationResult>(Admin, [Roles.Admin],
            s => s.OverrideAsync(id, "Marketing pauses new contacts during the CRM migration week")));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SubmitAsync(id)));
        ChangeControlScenario.Require(await cc.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));

        var checks = await cc.As<ChangeRequestScenarios, IReadOnlyList<ScenarioCheck>>(Admin, [Roles.Admin], s => s.ChecksAsync(id));
        Assert.Equal([ScenarioCheckKind.Approve, ScenarioCheckKind.Submit, ScenarioCheckKind.Override, ScenarioCheckKind.Submit], checks.Select(c => c.Kind));
        Assert.All(checks, c => Assert.False(c.Passed));
        Assert.True(checks[0].Overridden);
        Assert.True(checks[1].Overridden);
        Assert.False(checks[3].Overridden);
        Assert.Equal("Marketing pauses new contacts during the CRM migration week", checks[2].Reason);
        Assert.Equal(Admin, checks[2].ByName);
        Assert.Contains("The same record sent twice", ChangeRequestScenarios.Outcomes(checks[0]).Where(o => !o.Passed).Select(o => o.Name));

        await using var scope = cc.Host.Scope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "ScenarioCheck").ToListAsync();
        Assert.Contains(audit, a => a.ActorName == Admin && a.Changes.Contains("Marketing pauses new contacts", StringComparison.Ordinal)
            && a.ChangeRequestId == id);
        // The audit log reads them in words, with the request they belong to.
        await using var reader = cc.Host.ScopeAs("reader", Roles.Auditor);
        var actions = (await reader.ServiceProvider.GetRequiredService<AuditLogService>().PageAsync(new AuditLogFilter(ChangeRequestId: id), 0, 50)).Items
            .Select(r => r.Action).ToList();
        Assert.Contains(actions, a => a.StartsWith("Tried CR-", StringComparison.Ordinal) && a.Contains("on its scenarios at submission:", StringComparison.Ordinal)
            && a.Contains("failed", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.StartsWith("Let CR-", StringComparison.Ordinal) && a.EndsWith("through although scenarios fail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_whose_scenarios_pass_goes_through_and_its_passing_checks_are_kept()
    {
        await using var cc = await ChangeControlScenario.StartAsync();
        await WithLibraryAsync(cc);
        var flow = (await cc.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.WebFormFlow)!;
        var id = await cc.AsOwner(s => s.CreateDraftAsync("Outcome wording", "Clearer"));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveItemAsync(id, flow with { Outcome = "Every web enquiry reaches sales in minutes." })));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SubmitAsync(id)));
        ChangeControlScenario.Require(await cc.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));
        var checks = await cc.As<ChangeRequestScenarios, IReadOnlyList<ScenarioCheck>>(Admin, [Roles.Admin], s => s.ChecksAsync(id));
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.True(c.Passed && c.Scenarios >= 7 && c.Failed == 0, c.Summary));
    }

    [Fact]
    public async Task A_match_rule_change_is_tried_on_its_objects_flows_and_a_scenario_loosened_in_the_same_request_still_counts_as_published()
    {
        await using var cc = await ChangeControlScenario.StartAsync();
        await WithLibraryAsync(cc);
        var current = (await cc.CurrentAsync()).Configuration;
        var rule = current.MatchRuleOf(StandardObjects.Contact)!;
        var typo = current.Scenarios.Single(x => x.FlowId == DemoConfiguration.WebFormFlow && x.Name == "A typo in the email of an existing record");

        // Only the match rule: without it the mistyped email is a second contact.
        var strict = await cc.AsOwner(s => s.CreateDraftAsync("No fuzzy matching", "Fewer wrong merges"));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.DeleteItemAsync(strict, ConfigurationItemKind.MatchRule, rule.Id)));
        var refused = await cc.AsOwner(s => s.SubmitAsync(strict));
        Assert.Contains(refused.Errors, e => e.Contains("A typo in the email of an existing record", StringComparison.Ordinal));

        // The same with the scenario loosened to expect the duplicate: the scenario as published still fails on the draft.
        var loosened = typo with { Inputs = [typo.Inputs[0] with { Expected = new ScenarioExpectation { Outcome = ExpectedOutcome.Created } }], TargetRecordsAfter = 2 };
        var both = await cc.AsOwner(s => s.CreateDraftAsync("No fuzzy matching, expected duplicate", "Fewer wrong merges"));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.DeleteItemAsync(both, ConfigurationItemKind.MatchRule, rule.Id)));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveEditAsync(both, typo, loosened)));
        var stillRefused = await cc.AsOwner(s => s.SubmitAsync(both));
        Assert.Contains(stillRefused.Errors, e => e.Contains("A typo in the email of an existing record (as published)", StringComparison.Ordinal));

        // Changing only the scenario (the business now expects something else) is tried on the new version alone.
        var only = await cc.AsOwner(s => s.CreateDraftAsync("Typo scenario wording", "Clearer"));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveEditAsync(only, typo, typo with { Description = "A mistyped email must not make a second contact." })));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SubmitAsync(only)));
    }

    [Fact]
    public async Task An_override_accepts_only_the_failures_it_was_given_for_and_only_for_the_content_the_admin_saw()
    {
        await using var cc = await ChangeControlScenario.StartAsync();
        await WithLibraryAsync(cc);
        var current = (await cc.CurrentAsync()).Configuration;
        var createRule = current.Rules.Single(r => r.FlowId == DemoConfiguration.WebFormFlow && r.Trigger == RuleTriggerKind.Created);
        var id = await cc.AsOwner(s => s.CreateDraftAsync("Pause new contacts", "Migration week"));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveItemAsync(id, createRule with { Actions = [new RuleAction { Kind = RuleActionKind.Reject, Reason = "Paused" }] })));
        var seen = (await cc.As<ChangeRequestScenarios, ChangeRequestTrial>(Admin, [Roles.Admin], s => s.TrialAsync(id))).Fingerprint;

        // The author edits the request after the admin looked: the admin's override is refused.
        var flow = current.FindFlow(DemoConfiguration.WebFormFlow)!;
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveItemAsync(id, flow with { Outcome = "Paused for the migration" })));
        var stale = await cc.As<ChangeRequestScenarios, OperationResult>(Admin, [Roles.Admin], s => s.OverrideAsync(id, "Marketing pauses new contacts this week", seen));
        Assert.Contains(stale.Errors, e => e.Contains("was edited after you opened it", StringComparison.Ordinal));

        var trial = await cc.As<ChangeRequestScenarios, ChangeRequestTrial>(Admin, [Roles.Admin], s => s.TrialAsync(id));
        ChangeControlScenario.Require(await cc.As<ChangeRequestScenarios, OperationResult>(Admin, [Roles.Admin],
            s => s.OverrideAsync(id, "Marketing pauses new contacts this week", trial.Fingerprint)));
        Assert.NotNull((await cc.As<ChangeRequestScenarios, ChangeRequestTrial>(Admin, [Roles.Admin], s => s.TrialAsync(id))).Override);

        // A failure the override did not see is not accepted.
        var given = (await cc.As<ChangeRequestScenarios, IReadOnlyList<ScenarioCheck>>(Admin, [Roles.Admin], s => s.ChecksAsync(id))).First(c => c.Kind == ScenarioCheckKind.Override);
        var outcomes = ChangeRequestScenarios.Outcomes(given);
        Assert.True(ScenarioGate.Covers(given, outcomes));
        var another = outcomes[0] with { ScenarioId = Guid.NewGuid(), Name = "Published since", Error = "fails" };
        Assert.False(ScenarioGate.Covers(given, [.. outcomes, another]));
    }

    /// <summary>Publishes the library's scenarios of every demo flow (their own change request passes its own gate).</summary>
    internal static async Task WithLibraryAsync(ChangeControlScenario cc)
    {
        var current = (await cc.CurrentAsync()).Configuration;
        var id = await cc.AsOwner(s => s.CreateDraftAsync("Scenario library", "Try every change against the messy cases"));
        foreach (var flow in current.Flows)
        {
            foreach (var scenario in ScenarioLibrary.For(current, flow.Id).Scenarios)
            {
                ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveItemAsync(id, scenario)));
            }
        }
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SubmitAsync(id)));
        ChangeControlScenario.Require(await cc.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));
    }
}
