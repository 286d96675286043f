using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Users;

public sealed class UserAdminServiceTests
{
    [Fact]
    public async Task A_non_admin_may_not_manage_users()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await host.CreateUserAsync("grace@example.com", Roles.Admin);
        await using var scope = host.ScopeAs("sam", Roles.Steward, Roles.Auditor);
        var admin = scope.ServiceProvider.GetRequiredService<UserAdminService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.ListAsync(null, 0, 20));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.AddRoleAsync(id, Roles.Steward));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.RemoveRoleAsync(id, Roles.Admin));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.SetDisabledAsync(id, true));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.ResetTwoFactorAsync(id));
        Assert.False((await FindAsync(host, id)).IsDisabled);
    }

    [Fact]
    public async Task The_last_enabled_admin_cannot_be_disabled()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await host.CreateUserAsync("grace@example.com", Roles.Admin);
        var rowsBefore = (await host.AuditRowsAsync()).Count;

        var result = await AsAdminAsync(host, a => a.SetDisabledAsync(id, true));

        Assert.Equal("grace@example.com is the last enabled admin and cannot be disabled.", Assert.Single(result.Errors));
        Assert.False((await FindAsync(host, id)).IsDisabled);
        Assert.Equal(rowsBefore, (await host.AuditRowsAsync()).Count);
    }

    [Fact]
    public async Task The_last_enabled_admin_keeps_the_admin_role()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await host.CreateUserAsync("grace@example.com", Roles.Admin);

        var result = await AsAdminAsync(host, a => a.RemoveRoleAsync(id, Roles.Admin));

        Assert.Contains("grace@example.com is the last admin", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Equal([Roles.Admin], await RolesOfAsync(host, id));
    }

    [Fact]
    public async Task A_disabled_admin_does_not_count_as_a_remaining_admin()
    {
        await using var host = await CoreTestHost.StartAsync();
        var grace = await host.CreateUserAsync("grace@example.com", Roles.Admin);
        var linus = await host.CreateUserAsync("linus@example.com", Roles.Admin);
        Assert.True((await AsAdminAsync(host, a => a.SetDisabledAsync(linus, true))).Succeeded);

        Assert.False((await AsAdminAsync(host, a => a.RemoveRoleAsync(grace, Roles.Admin))).Succeeded);
        Assert.False((await AsAdminAsync(host, a => a.SetDisabledAsync(grace, true))).Succeeded);
        Assert.Equal([Roles.Admin], await RolesOfAsync(host, grace));
    }

    [Fact]
    public async Task With_two_enabled_admins_one_can_be_disabled_and_its_security_stamp_changes()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com", Roles.Admin);
        var linus = await host.CreateUserAsync("linus@example.com", Roles.Admin);
        var stampBefore = (await FindAsync(host, linus)).SecurityStamp;

        var result = await AsAdminAsync(host, a => a.SetDisabledAsync(linus, true));

        Assert.True(result.Succeeded);
        var after = await FindAsync(host, linus);
        Assert.True(after.IsDisabled);
        Assert.NotEqual(stampBefore, after.SecurityStamp);
    }

    [Fact]
    public async Task With_two_enabled_admins_one_can_lose_the_admin_role()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com", Roles.Admin);
        var linus = await host.CreateUserAsync("linus@example.com", Roles.Admin, Roles.Steward);

        var result = await AsAdminAsync(host, a => a.RemoveRoleAsync(linus, Roles.Admin));

        Assert.True(result.Succeeded);
        Assert.Equal([Roles.Steward], await RolesOfAsync(host, linus));
    }

    private static async Task<OperationResult> AsAdminAsync(CoreTestHost host, Func<UserAdminService, Task<OperationResult>> command)
    {
        await using var scope = host.ScopeAs("ada", Roles.Admin);
        return await command(scope.ServiceProvider.GetRequiredService<UserAdminService>());
    }

    private static async Task<ApplicationUser> FindAsync(CoreTestHost host, string id)
    {
        await using var scope = host.Scope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id))!;
    }

    private static async Task<List<string>> RolesOfAsync(CoreTestHost host, string id)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.UserRoles.Where(r => r.UserId == id).Select(r => r.RoleId).OrderBy(r => r).ToListAsync();
    }
}
