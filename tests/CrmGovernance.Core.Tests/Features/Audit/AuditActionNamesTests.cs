using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Audit;

public sealed class AuditActionNamesTests
{
    [Fact]
    public async Task A_change_request_reads_as_drafted_submitted_approved_and_published_with_names_for_its_ids()
    {
        await using var scenario = await StartAsync();
        var adaId = await scenario.Host.CreateUserAsync("ada@example.com", Roles.Admin);
        var current = (await scenario.CurrentAsync()).Configuration;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Faster orders", "Finance wants orders sooner."));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, current.FindFlow(DemoConfiguration.OrdersFlow)! with { Outcome = "Within 15 minutes" })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        await using (var scope = scenario.Host.Scope(a => a.SetUser(adaId, "ada@example.com", [Roles.Admin], AuditSources.Ui)))
        {
            Require(await scope.ServiceProvider.GetRequiredService<ChangeRequestReview>().ApproveAsync(id, "Fine"));
        }

        var rows = await PageAsync(scenario.Host, new AuditLogFilter(ChangeRequestId: id));

        Assert.Equal(
            ["Added a change to flow Shop orders to CRM to CR-2", "Approved CR-2", "Drafted CR-2 “Faster orders”", "Published version 2", "Submitted CR-2"],
            rows.Select(r => r.Action).Order(StringComparer.Ordinal));
        var approved = rows.Single(r => r.Action == "Approved CR-2");
        // The stored row is still there for whoever needs it.
        Assert.Equal((AuditActions.Update, "ChangeRequest", id.ToString("D")), (approved.Entry.Action, approved.Entry.EntityType, approved.Entry.EntityId));
        Assert.Equal("CR-2", approved.ChangeRequest);
        var decidedBy = approved.Changes.Single(c => c.Field == nameof(ChangeRequest.DecidedById));
        Assert.Equal(("Decided by", adaId, "ada (ada@example.com)"), (decidedBy.Label, decidedBy.New, decidedBy.NewText));
        var decidedAt = approved.Changes.Single(c => c.Field == nameof(ChangeRequest.DecidedUtc));
        Assert.Equal(("Decided (UTC)", "2026-03-02 09:30:00 UTC"), (decidedAt.Label, decidedAt.NewText));
        var published = rows.Single(r => r.Action == "Published version 2");
        Assert.Equal("CR-2", published.Changes.Single(c => c.Field == "ChangeRequestId").NewText);
    }

    [Fact]
    public async Task Granting_and_revoking_a_role_name_the_role_and_the_person()
    {
        await using var host = await CoreTestHost.StartAsync();
        var graceId = await host.CreateUserAsync("grace@example.com", Roles.Steward);
        await using (var scope = host.ScopeAs("ada", Roles.Admin))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByIdAsync(graceId))!, Roles.Steward)).Succeeded);
        }

        var rows = await PageAsync(host, new AuditLogFilter());

        Assert.Equal(
            ["Revoked role Steward from grace (grace@example.com)", "Granted role Steward to grace (grace@example.com)", "Created user grace (grace@example.com)"],
            rows.Select(r => r.Action));
        Assert.All(rows.Take(2), r => Assert.Equal("UserRole", r.Entry.EntityType));
        Assert.Equal("grace (grace@example.com)", rows[1].Changes.Single(c => c.Field == "UserId").NewText);
    }

    [Theory]
    [InlineData(AuditActions.SignIn, "User", "{\"method\":\"password\"}", "Signed in")]
    [InlineData(AuditActions.SignIn, "User", "{\"method\":\"password\",\"stage\":\"password accepted, second factor required\"}", "Entered the password; second factor next")]
    [InlineData(AuditActions.SignInFailed, "User", "{\"method\":\"password\",\"reason\":\"wrong credentials\"}", "Sign-in failed: wrong credentials")]
    [InlineData(AuditActions.SignOut, "User", "{}", "Signed out")]
    [InlineData(AuditActions.SyncRunStarted, "SyncRun", "{\"flow\":\"Web form to CRM contacts\",\"trigger\":\"Replay\",\"version\":3}", "Started replay run 7 of flow Web form to CRM contacts")]
    [InlineData(AuditActions.SyncRunStarted, "SyncRun", "{\"flow\":\"Web form to CRM contacts\",\"trigger\":\"Manual\",\"version\":3}", "Started run 7 of flow Web form to CRM contacts")]
    [InlineData(AuditActions.ErrorQueueDiscard, "ErrorQueueItem", "{\"reason\":\"test\",\"count\":3,\"items\":\"1, 2, 3\"}", "Discarded 3 error queue items")]
    [InlineData(AuditActions.ReviewMerge, "ReviewItem", "{\"system\":\"crm\",\"object\":\"contact\",\"mergeId\":1}", "Merged two contact records in crm (review item 7)")]
    [InlineData(AuditActions.ReviewNotDuplicate, "ReviewItem", "{\"count\":1,\"items\":[]}", "Marked 1 pair as not duplicates")]
    [InlineData(AuditActions.ReviewAssign, "ReviewItem", "{\"items\":[{\"id\":7,\"before\":null,\"after\":\"sam\"}]}", "Assigned 1 review item to sam")]
    [InlineData(AuditActions.ChangeRequestReportExported, "ChangeRequest", "{\"format\":\"xlsx\",\"request\":\"CR-4\",\"requests\":1}", "Exported the report of CR-4")]
    [InlineData(AuditActions.ConfigurationExported, "ConfigurationVersion", "{\"format\":\"yaml\",\"version\":4}", "Exported version 4 as YAML")]
    [InlineData("HeldForSteward", "ReviewItem", "{}", "Held for steward (review item)")]
    public void Events_read_as_what_happened(string action, string entityType, string details, string expected) =>
        Assert.Equal(expected, AuditActionNames.Describe(new AuditEntry { Action = action, EntityType = entityType, EntityId = "7", Changes = details }, AuditNames.None));

    [Fact]
    public void An_entity_change_it_has_no_words_for_still_reads_as_words_with_its_fields() =>
        Assert.Equal("Changed inbox item 7 (status, attempts)", AuditActionNames.Describe(new AuditEntry
        {
            Action = AuditActions.Update, EntityType = "InboxItem", EntityId = "7",
            Changes = "[{\"field\":\"Status\",\"old\":\"New\",\"new\":\"Done\"},{\"field\":\"Attempts\",\"old\":\"0\",\"new\":\"1\"}]",
        }, AuditNames.None));

    [Fact]
    public void A_long_stored_value_is_cut_in_the_action_and_kept_whole_in_the_row()
    {
        var id = new string('x', 5_000);
        var entry = new AuditEntry { Action = AuditActions.Delete, EntityType = "Contact", EntityId = id, Changes = "[]" };

        var action = AuditActionNames.Describe(entry, AuditNames.None);

        Assert.Equal(AuditActionNames.MaxLength, action.Length);
        Assert.StartsWith("Deleted contact xxx", action, StringComparison.Ordinal);
        Assert.EndsWith("…", action, StringComparison.Ordinal);
        Assert.Equal(id, entry.EntityId);
    }

    private static async Task<IReadOnlyList<AuditLogRow>> PageAsync(CoreTestHost host, AuditLogFilter filter)
    {
        await using var scope = host.ScopeAs("reader", Roles.Auditor);
        return (await scope.ServiceProvider.GetRequiredService<AuditLogService>().PageAsync(filter, 0, 50)).Items;
    }
}
