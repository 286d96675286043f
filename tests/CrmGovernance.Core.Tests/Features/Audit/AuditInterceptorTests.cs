using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

public sealed class AuditInterceptorTests
{
    [Fact]
    public async Task Inserting_a_user_records_its_new_values_and_only_a_placeholder_for_the_password_hash()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.ScopeAs("ada");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "grace@example.com", Email = "grace@example.com", DisplayName = "Grace Hopper" };
        Assert.True((await users.CreateAsync(user, CoreTestHost.StrongPassword)).Succeeded);

        var row = Assert.Single(await host.AuditRowsAsync());
        Assert.Equal((AuditActions.Insert, "User", user.Id), (row.Action, row.EntityType, row.EntityId));
        var changes = FieldChange.Parse(row.Changes);
        Assert.Equal(new FieldChange("DisplayName", null, "Grace Hopper"), changes["DisplayName"]);
        Assert.Equal(new FieldChange("Email", null, "grace@example.com"), changes["Email"]);
        Assert.Equal(new FieldChange("IsDisabled", null, "false"), changes["IsDisabled"]);
        Assert.Equal(new FieldChange("PasswordHash", null, "***"), changes["PasswordHash"]);
        Assert.DoesNotContain(user.PasswordHash!, row.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", changes.Keys);
    }

    [Fact]
    public async Task Updating_a_display_name_records_only_the_old_and_new_name()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await host.CreateUserAsync("grace@example.com");
        await using (var scope = host.ScopeAs("ada"))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(id))!;
            user.DisplayName = "Rear Admiral Hopper";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var row = (await host.AuditRowsAsync()).Last();
        Assert.Equal((AuditActions.Update, "User", id), (row.Action, row.EntityType, row.EntityId));
        var change = Assert.Single(FieldChange.Parse(row.Changes).Values);
        Assert.Equal(new FieldChange("DisplayName", "grace", "Rear Admiral Hopper"), change);
    }

    [Fact]
    public async Task Deleting_a_user_records_its_old_values()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await host.CreateUserAsync("grace@example.com");
        await using (var scope = host.ScopeAs("ada"))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(id))!)).Succeeded);
        }

        var row = (await host.AuditRowsAsync()).Last();
        Assert.Equal((AuditActions.Delete, "User", id), (row.Action, row.EntityType, row.EntityId));
        var changes = FieldChange.Parse(row.Changes);
        Assert.Equal(new FieldChange("Email", "grace@example.com", null), changes["Email"]);
        Assert.Equal(new FieldChange("DisplayName", "grace", null), changes["DisplayName"]);
        Assert.Equal(new FieldChange("PasswordHash", "***", null), changes["PasswordHash"]);
    }

    [Fact]
    public async Task The_row_carries_the_actor_source_and_correlation_id_of_the_scope()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using (var scope = host.Scope(a =>
        {
            a.SetUser("user-42", "Ada Lovelace", [Roles.Admin], AuditSources.Api);
            a.CorrelationId = "req-7f3a";
        }))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "grace@example.com", Email = "grace@example.com", DisplayName = "Grace" };
            Assert.True((await users.CreateAsync(user, CoreTestHost.StrongPassword)).Succeeded);
        }

        var row = Assert.Single(await host.AuditRowsAsync());
        Assert.Equal(("user-42", "Ada Lovelace", AuditSources.Api, "req-7f3a"), (row.ActorId, row.ActorName, row.Source, row.CorrelationId));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, row.TimeUtc);
    }

    [Fact]
    public async Task A_system_job_is_recorded_as_the_worker_without_a_user_id()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");

        var row = Assert.Single(await host.AuditRowsAsync());
        Assert.Equal((null, "system:test-seed", AuditSources.Worker), (row.ActorId, row.ActorName, row.Source));
    }

    [Fact]
    public async Task Adding_and_removing_a_role_records_user_role_insert_and_delete()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await host.CreateUserAsync("grace@example.com");
        await using (var scope = host.ScopeAs("ada", Roles.Admin))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(id))!;
            Assert.True((await users.AddToRoleAsync(user, Roles.Steward)).Succeeded);
            Assert.True((await users.RemoveFromRoleAsync(user, Roles.Steward)).Succeeded);
        }

        var rows = (await host.AuditRowsAsync()).Where(r => r.EntityType == "UserRole").ToList();
        Assert.Equal([AuditActions.Insert, AuditActions.Delete], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal($"{id}:{Roles.Steward}", r.EntityId));
        Assert.Equal(new FieldChange("RoleId", null, Roles.Steward), FieldChange.Parse(rows[0].Changes)["RoleId"]);
        Assert.Equal(new FieldChange("RoleId", Roles.Steward, null), FieldChange.Parse(rows[1].Changes)["RoleId"]);
    }

    [Fact]
    public async Task Text_longer_than_its_column_is_cut_to_the_column_and_the_chain_still_verifies()
    {
        await using var host = await CoreTestHost.StartAsync();
        var typed = new string('a', 255) + "😀" + new string('b', 400);
        await using (var scope = host.Scope(a =>
        {
            a.SetUser("user-42", new string('n', 300), [Roles.Admin], AuditSources.Ui);
            a.CorrelationId = new string('c', 200);
        }))
        {
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync("SignInFailed", "User", typed, new { typed });
        }

        var row = Assert.Single(await host.AuditRowsAsync());
        Assert.Equal(new string('a', 255), row.EntityId);
        Assert.Equal(new string('n', 256), row.ActorName);
        Assert.Equal(new string('c', 128), row.CorrelationId);
        Assert.Equal(typed, System.Text.Json.JsonDocument.Parse(row.Changes).RootElement.GetProperty("typed").GetString());
        await using var verify = host.Scope(a => a.SetSystem("test", null));
        var verification = await verify.ServiceProvider.GetRequiredService<AuditVerificationService>().VerifyAndRecordAsync("widths");
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
