using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.ChangeControl;

public sealed class StaleEditTests
{
    [Fact]
    public async Task An_edit_made_on_a_page_opened_before_another_approval_is_refused_instead_of_undoing_it()
    {
        await using var scenario = await StartAsync();
        var shown = (await scenario.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.OrdersFlow)!;
        var mine = await scenario.AsOwner(s => s.CreateDraftAsync("Phase 3", "Later"));

        // Meanwhile someone else's change to the same flow is approved.
        var theirs = await scenario.As<ChangeRequestService, Guid>(Admin, [Roles.Admin], s => s.CreateDraftAsync("Hourly", "Load"));
        Require(await scenario.As<ChangeRequestService, OperationResult>(Admin, [Roles.Admin], s => s.SaveItemAsync(theirs, shown with { Cron = "0 0 * * * ?" })));
        Require(await scenario.As<ChangeRequestService, OperationResult>(Admin, [Roles.Admin], s => s.SubmitAsync(theirs)));
        Require(await scenario.As(Owner, [Roles.BusinessOwner], r => r.ApproveAsync(theirs, null)));

        var result = await scenario.AsOwner(s => s.SaveEditAsync(mine, shown, shown with { Phase = 3 }));

        Assert.False(result.Succeeded);
        Assert.Contains("changed since you opened it", result.Errors[0], StringComparison.Ordinal);
        Assert.Empty((await scenario.AsOwner(s => s.GetAsync(mine)))!.Items);
    }

    [Fact]
    public async Task An_edit_of_the_current_state_is_saved_and_a_second_edit_builds_on_the_draft()
    {
        await using var scenario = await StartAsync();
        var shown = (await scenario.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.OrdersFlow)!;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Two edits", "Step by step"));

        Require(await scenario.AsOwner(s => s.SaveEditAsync(id, shown, shown with { Phase = 3 })));
        Require(await scenario.AsOwner(s => s.SaveEditAsync(id, shown with { Phase = 3 }, shown with { Phase = 3, Owner = "someone@example.com" })));
        Assert.False((await scenario.AsOwner(s => s.SaveEditAsync(id, shown, shown with { Phase = 4 }))).Succeeded);
    }

    [Fact]
    public async Task A_reviewer_cannot_approve_a_request_that_changed_after_they_opened_it()
    {
        await using var scenario = await StartAsync();
        var flow = (await scenario.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.OrdersFlow)!;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Phase 2", "Later"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, flow with { Phase = 2 })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        var seen = (await scenario.AsOwner(s => s.GetAsync(id)))!.UpdatedUtc;

        // The author takes it back, swaps the content and resubmits while the reviewer's page is open.
        scenario.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Require(await scenario.AsOwner(s => s.SetStatusByAuthorAsync(id, ChangeRequestStatus.Draft)));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, flow with { Phase = 9, Owner = "elsewhere@example.com" })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));

        var result = await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null, seen));

        Assert.False(result.Succeeded);
        Assert.Contains("changed after you opened it", result.Errors[0], StringComparison.Ordinal);
        Assert.Equal(1, (await scenario.CurrentAsync()).Version);
    }
}
