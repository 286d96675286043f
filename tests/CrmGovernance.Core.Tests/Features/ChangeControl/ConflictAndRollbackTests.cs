using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.FirstRun;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.ChangeControl;

public sealed class ConflictAndRollbackTests
{
    private static readonly string[] AdminRoles = [Roles.Admin, Roles.BusinessOwner];

    [Fact]
    public async Task The_later_of_two_approvals_touching_one_item_is_refused_until_its_author_rebases()
    {
        await using var scenario = await StartAsync();
        var flow = (await scenario.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.OrdersFlow)!;
        var first = await scenario.AsOwner(s => s.CreateDraftAsync("Phase 2", "Later delivery"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(first, flow with { Phase = 2 })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(first)));
        var second = await scenario.As<ChangeRequestService, Guid>(Admin, AdminRoles, s => s.CreateDraftAsync("Hourly", "Less load on the shop"));
        Require(await scenario.As<ChangeRequestService, OperationResult>(Admin, AdminRoles, s => s.SaveItemAsync(second, flow with { Cron = "0 0 * * * ?" })));
        Require(await scenario.As<ChangeRequestService, OperationResult>(Admin, AdminRoles, s => s.SubmitAsync(second)));

        Require(await scenario.As(Admin, AdminRoles, r => r.ApproveAsync(first, null)));
        var refused = await scenario.As(Owner, [Roles.BusinessOwner], r => r.ApproveAsync(second, null));

        Assert.False(refused.Succeeded);
        Assert.Contains("conflicts with version 2", refused.Errors[0], StringComparison.Ordinal);
        Assert.Contains("rebase", refused.Errors[0], StringComparison.Ordinal);
        Assert.Equal(2, (await scenario.CurrentAsync()).Version);

        // The author rebases: the request goes back to draft, its diff is against version 2, and it can be approved.
        Require(await scenario.As<ChangeRequestService, OperationResult>(Admin, AdminRoles, s => s.RebaseAsync(second)));
        var diff = await scenario.As<ChangeRequestService, IReadOnlyList<ItemDiff>>(Admin, AdminRoles, s => s.DiffAsync(second));
        Assert.Contains(diff.Single().Fields, f => f.Path == "cron" && f.New == "0 0 * * * ?");
        Require(await scenario.As<ChangeRequestService, OperationResult>(Admin, AdminRoles, s => s.SubmitAsync(second)));
        Require(await scenario.As(Owner, [Roles.BusinessOwner], r => r.ApproveAsync(second, null)));
        var merged = (await scenario.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.OrdersFlow)!;
        Assert.Equal(("0 0 * * * ?", 2), (merged.Cron, merged.Phase)); // the other approved change survives the rebase
    }

    [Fact]
    public async Task A_rebase_where_both_sides_changed_the_same_field_lists_the_conflict_and_changes_nothing_until_the_item_is_discarded()
    {
        await using var scenario = await StartAsync();
        var flow = (await scenario.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.OrdersFlow)!;
        var mine = await scenario.As<ChangeRequestService, Guid>(Admin, AdminRoles, s => s.CreateDraftAsync("Every 5 minutes", "Faster"));
        Require(await scenario.As<ChangeRequestService, OperationResult>(Admin, AdminRoles, s => s.SaveItemAsync(mine, flow with { Cron = "0 */5 * * * ?" })));
        var theirs = await scenario.AsOwner(s => s.CreateDraftAsync("Hourly", "Slower"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(theirs, flow with { Cron = "0 0 * * * ?" })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(theirs)));
        Require(await scenario.As(Admin, AdminRoles, r => r.ApproveAsync(theirs, null)));

        var rebase = await scenario.As<ChangeRequestService, OperationResult>(Admin, AdminRoles, s => s.RebaseAsync(mine));

        Assert.False(rebase.Succeeded);
        Assert.Contains("flow Shop orders to CRM: cron was changed both here and meanwhile (version 2).", rebase.Errors);
        var request = await scenario.AsOwner(s => s.GetAsync(mine));
        Assert.Equal("0 */5 * * * ?", ConfigurationJson.DeserializeItem(ConfigurationItemKind.Flow, request!.Items.Single().AfterJson!) is DataFlow f ? f.Cron : null);
        Require(await scenario.As<ChangeRequestService, OperationResult>(Admin, AdminRoles, s => s.DiscardItemAsync(mine, request.Items.Single().Id)));
        Assert.Empty((await scenario.AsOwner(s => s.GetAsync(mine)))!.Items);
    }

    [Fact]
    public async Task The_diff_between_two_versions_shows_the_changed_field_and_a_rollback_restores_the_earlier_version()
    {
        await using var scenario = await StartAsync();
        var v1 = await scenario.CurrentAsync();
        var mapping = v1.Configuration.Mappings.Single(m => m.FlowId == DemoConfiguration.WebFormFlow && m.TargetField == "last_form_at");
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("US dates", "The new form posts US dates"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, mapping with { Transforms = [Transform.Of(TransformKind.ParseDate, ("formats", "MM/dd/yyyy HH:mm"))] })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));

        var diff = await scenario.As<VersionHistoryService, IReadOnlyList<ItemDiff>>(Owner, [Roles.BusinessOwner], h => h.DiffAsync(1, 2));
        var changed = Assert.Single(diff);
        Assert.Equal(DiffKind.Changed, changed.Change);
        var field = Assert.Single(changed.Fields);
        Assert.Equal("transforms[0].args.formats", field.Path);
        Assert.Equal("MM/dd/yyyy HH:mm", field.New);

        var rollback = await scenario.As<VersionHistoryService, Guid>(Owner, [Roles.BusinessOwner], h => h.CreateRollbackAsync(1));
        var request = await scenario.AsOwner(s => s.GetAsync(rollback));
        Assert.Equal(1, request!.RestoresVersion);
        Require(await scenario.AsOwner(s => s.SubmitAsync(rollback)));
        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(rollback, "Back to UK dates")));

        var v3 = await scenario.CurrentAsync();
        Assert.Equal(3, v3.Version);
        Assert.Equal(v1.Hash, v3.Hash);
    }

    [Fact]
    public async Task Saving_an_item_back_to_its_published_state_drops_it_from_the_draft()
    {
        await using var scenario = await StartAsync();
        var flow = (await scenario.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.OrdersFlow)!;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Undo", "Changed my mind"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, flow with { Phase = 4 })));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, flow)));

        Assert.Empty((await scenario.AsOwner(s => s.GetAsync(id)))!.Items);
        Assert.False((await scenario.AsOwner(s => s.SubmitAsync(id))).Succeeded);
    }

    [Fact]
    public async Task Only_the_author_may_edit_a_draft()
    {
        await using var scenario = await StartAsync();
        var flow = (await scenario.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.OrdersFlow)!;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Mine", "Owner's draft"));

        var result = await scenario.As<ChangeRequestService, OperationResult>(OtherOwner, [Roles.BusinessOwner], s => s.SaveItemAsync(id, flow with { Phase = 9 }));

        Assert.False(result.Succeeded);
        Assert.Contains("Only " + Owner, result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edits_and_every_transition_are_in_the_audit_trail()
    {
        await using var scenario = await StartAsync();
        var rows = await scenario.Host.AuditRowsAsync();

        Assert.Contains(rows, r => r.EntityType == "ChangeRequest" && r.Action == AuditActions.Insert && r.ActorName == Owner);
        Assert.Contains(rows, r => r.EntityType == "ChangeRequestItem" && r.Action == AuditActions.Insert);
        Assert.Contains(rows, r => r.EntityType == "ChangeRequest" && r.Action == AuditActions.Update && r.Changes.Contains("\"Submitted\"", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.EntityType == "ChangeRequest" && r.Action == AuditActions.Update && r.ActorName == Admin && r.Changes.Contains("\"Approved\"", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.EntityType == "ConfigurationVersion" && r.Action == AuditActions.Insert && r.EntityId == "1");
    }
}
