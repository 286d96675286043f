using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.FirstRun;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.ChangeControl;

public sealed class ReviewAndPublishTests
{
    [Fact]
    public async Task Approval_publishes_the_next_version_and_leaves_earlier_snapshots_as_they_were()
    {
        await using var scenario = await StartAsync();
        var v1 = await scenario.CurrentAsync();
        var id = await DraftOutcomeChangeAsync(scenario, "Orders reach the CRM within 15 minutes.");

        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, "Fine")));

        var v2 = await scenario.CurrentAsync();
        Assert.Equal(v1.Version + 1, v2.Version);
        Assert.Equal("Orders reach the CRM within 15 minutes.", v2.Configuration.FindFlow(DemoConfiguration.OrdersFlow)!.Outcome);
        var reread = await scenario.As<VersionHistoryService, ConfigurationVersionSummary>(Admin, [Roles.Admin],
            async h => (await h.ListAsync(0, 10)).Items.Single(v => v.Number == v1.Version));
        Assert.Equal(v1.Hash, reread.Hash);
        Assert.Equal(v1.Hash, ConfigurationJson.Hash(v1.Configuration));
    }

    [Fact]
    public async Task The_author_cannot_approve_their_own_request_even_as_an_admin()
    {
        await using var scenario = await StartAsync();
        var current = (await scenario.CurrentAsync()).Configuration;
        var id = await scenario.As<ChangeRequestService, Guid>(Admin, [Roles.Admin, Roles.BusinessOwner], s => s.CreateDraftAsync("Mine", "Self-review attempt"));
        await scenario.As<ChangeRequestService, OperationResult>(Admin, [Roles.Admin, Roles.BusinessOwner],
            s => s.SaveItemAsync(id, current.FindFlow(DemoConfiguration.OrdersFlow)! with { Phase = 3 }));
        Require(await scenario.As<ChangeRequestService, OperationResult>(Admin, [Roles.Admin, Roles.BusinessOwner], s => s.SubmitAsync(id)));

        var result = await scenario.As(Admin, [Roles.Admin, Roles.BusinessOwner], r => r.ApproveAsync(id, null));

        Assert.False(result.Succeeded);
        Assert.Contains("someone else must review it", result.Errors[0], StringComparison.Ordinal);
        Assert.Equal(1, (await scenario.CurrentAsync()).Version);
    }

    [Fact]
    public async Task A_business_owner_who_owns_none_of_the_affected_objects_cannot_review()
    {
        await using var scenario = await StartAsync();
        var id = await DraftOutcomeChangeAsync(scenario, "Changed by the owner");

        var result = await scenario.As(OtherOwner, [Roles.BusinessOwner], r => r.ApproveAsync(id, null));

        Assert.False(result.Succeeded);
        Assert.Contains("accountable for everything", result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reassigning_an_object_to_someone_does_not_let_them_review_that_request()
    {
        await using var scenario = await StartAsync();
        var contact = (await scenario.CurrentAsync()).Configuration.FindObject(StandardObjects.Contact)!;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Hand over contacts", "New owner"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, contact with { Owner = OtherOwner })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));

        Assert.False((await scenario.As(OtherOwner, [Roles.BusinessOwner], r => r.ApproveAsync(id, null))).Succeeded);
        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));
    }

    [Fact]
    public async Task A_business_owner_must_own_every_object_a_request_changes_to_review_it()
    {
        var demo = DemoConfiguration.Build(Owner, Steward);
        var baseline = demo with { Objects = [.. demo.Objects.Select(o => o.Id == StandardObjects.Order ? o with { Owner = OtherOwner } : o)] };
        await using var scenario = await StartAsync(baseline);
        var current = (await scenario.CurrentAsync()).Configuration;
        string[] author = [Roles.Admin];
        var id = await scenario.As<ChangeRequestService, Guid>("second.admin@example.com", author, s => s.CreateDraftAsync("Two objects", "Touches contact and order"));
        Require(await scenario.As<ChangeRequestService, OperationResult>("second.admin@example.com", author,
            s => s.SaveItemAsync(id, current.FindObject(StandardObjects.Contact)! with { Description = "People" })));
        Require(await scenario.As<ChangeRequestService, OperationResult>("second.admin@example.com", author,
            s => s.SaveItemAsync(id, current.FindObject(StandardObjects.Order)! with { Description = "Purchases" })));
        Require(await scenario.As<ChangeRequestService, OperationResult>("second.admin@example.com", author, s => s.SubmitAsync(id)));

        Assert.False((await scenario.As(Owner, [Roles.BusinessOwner], r => r.ApproveAsync(id, null))).Succeeded);
        Assert.False((await scenario.As(OtherOwner, [Roles.BusinessOwner], r => r.ApproveAsync(id, null))).Succeeded);
        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));
    }

    [Fact]
    public async Task A_steward_cannot_draft_configuration_changes()
    {
        await using var scenario = await StartAsync();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            scenario.As<ChangeRequestService, Guid>(Steward, [Roles.Steward], s => s.CreateDraftAsync("No", "Not allowed")));
    }

    [Fact]
    public async Task Rejection_needs_a_reason_and_publishes_nothing()
    {
        await using var scenario = await StartAsync();
        var id = await DraftOutcomeChangeAsync(scenario, "Rejected outcome");

        Assert.False((await scenario.As(Admin, [Roles.Admin], r => r.RejectAsync(id, " "))).Succeeded);
        Require(await scenario.As(Admin, [Roles.Admin], r => r.RejectAsync(id, "Outcome is too vague")));

        var request = await scenario.AsOwner(s => s.GetAsync(id));
        Assert.Equal(ChangeRequestStatus.Rejected, request!.Status);
        Assert.Equal("Outcome is too vague", request.DecisionComment);
        Assert.Equal(1, (await scenario.CurrentAsync()).Version);
    }

    [Fact]
    public async Task Published_versions_cannot_be_changed_in_the_database_or_through_the_model()
    {
        await using var scenario = await StartAsync();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => scenario.Host.ExecuteRawAsync("""UPDATE "ConfigurationVersions" SET "Hash" = 'x'"""));
        Assert.Contains("immutable", error.Message, StringComparison.Ordinal);

        await using var scope = scenario.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var version = await db.ConfigurationVersions.SingleAsync();
        version.SnapshotJson = "{}";
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<Guid> DraftOutcomeChangeAsync(ChangeControlScenario scenario, string outcome)
    {
        var current = (await scenario.CurrentAsync()).Configuration;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Sharper outcome", "Owners asked for a measurable outcome"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, current.FindFlow(DemoConfiguration.OrdersFlow)! with { Outcome = outcome })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        return id;
    }
}
