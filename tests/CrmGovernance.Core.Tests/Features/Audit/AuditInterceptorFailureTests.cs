using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>What the interceptor leaves behind when a save fails: the chain lock and the audit rows it prepared.</summary>
public sealed class AuditInterceptorFailureTests
{
    [Fact]
    public async Task A_save_refused_by_the_database_releases_the_chain_lock()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");
        await using (var scope = host.ScopeAs("ada"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Users.Add(DuplicateOfGrace());
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await host.CreateUserAsync("linus@example.com");

        Assert.Equal(["system:test-seed", "system:test-seed"], (await host.AuditRowsAsync()).Select(r => r.ActorName));
    }

    [Fact]
    public async Task A_concurrency_failure_releases_the_chain_lock()
    {
        await using var host = await CoreTestHost.StartAsync();
        var id = await host.CreateUserAsync("grace@example.com");
        await using (var stale = host.ScopeAs("bob", Roles.Admin))
        {
            var users = stale.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var grace = (await users.FindByIdAsync(id))!;
            await RenameAsync(host, id, "Renamed by Alice");
            grace.DisplayName = "Renamed by Bob";
            Assert.Contains((await users.UpdateAsync(grace)).Errors, e => e.Code == "ConcurrencyFailure");
        }

        await host.CreateUserAsync("linus@example.com");

        Assert.Equal(3, (await host.AuditRowsAsync()).Count);
    }

    [Fact]
    public async Task Retrying_a_failed_save_records_the_change_once_with_the_saved_values()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");
        await using (var scope = host.ScopeAs("ada"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var user = DuplicateOfGrace();
            db.Users.Add(user);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            (user.UserName, user.NormalizedUserName) = ("linus@example.com", "LINUS@EXAMPLE.COM");
            await db.SaveChangesAsync();
        }

        var row = Assert.Single(await host.AuditRowsAsync(), r => r.ActorName == "ada");
        Assert.Equal("linus@example.com", FieldChange.Parse(row.Changes)["UserName"].New);
    }

    private static ApplicationUser DuplicateOfGrace() => new()
    {
        UserName = "grace@example.com", NormalizedUserName = "GRACE@EXAMPLE.COM", Email = "linus@example.com", DisplayName = "Linus",
    };

    private static async Task RenameAsync(CoreTestHost host, string id, string name)
    {
        await using var scope = host.ScopeAs("alice", Roles.Admin);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;
        user.DisplayName = name;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }
}
