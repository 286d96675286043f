using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
namespace CrmGovernance.Core.Tests;
public sealed class Probe(ITestOutputHelper output)
{
    [Fact]
    public async Task StaleAuditRowAfterConcurrencyFailure()
    {
        await using var host = await CoreTestHost.StartAsync();
        var grace = await host.CreateUserAsync("grace@example.com");
        var linus = await host.CreateUserAsync("linus@example.com");
        await using var b = host.ScopeAs("bob", Roles.Admin);
        var usersB = b.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var graceB = (await usersB.FindByIdAsync(grace))!;
        await using (var a = host.ScopeAs("alice", Roles.Admin))
        {
            var usersA = a.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var g = (await usersA.FindByIdAsync(grace))!;
            g.DisplayName = "Alice's name";
            output.WriteLine("A update: " + (await usersA.UpdateAsync(g)).Succeeded);
        }
        graceB.DisplayName = "Bob's name";
        var r = await usersB.UpdateAsync(graceB);
        output.WriteLine("B update: " + r.Succeeded + " " + string.Join(",", r.Errors.Select(e => e.Code)));
        var linusB = (await usersB.FindByIdAsync(linus))!;
        output.WriteLine("B role: " + (await usersB.AddToRoleAsync(linusB, Roles.Steward)).Succeeded);
        foreach (var row in await host.AuditRowsAsync())
            output.WriteLine($"{row.Sequence} {row.ActorName} {row.Action} {row.EntityType} {row.EntityId} {row.Changes}");
        await using var s = host.Scope();
        output.WriteLine("display name in db: " + (await s.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(grace))!.DisplayName);
    }

    [Fact]
    public async Task DeleteUserWithRoles()
    {
        await using var host = await CoreTestHost.StartAsync();
        var grace = await host.CreateUserAsync("grace@example.com", Roles.Steward, Roles.Auditor);
        await using (var a = host.ScopeAs("alice", Roles.Admin))
        {
            var users = a.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            output.WriteLine("delete " + (await users.DeleteAsync((await users.FindByIdAsync(grace))!)).Succeeded);
        }
        foreach (var row in await host.AuditRowsAsync())
            output.WriteLine($"{row.Sequence} {row.ActorName} {row.Action} {row.EntityType} {row.EntityId}");
        await using var s = host.Scope();
        output.WriteLine("roles left: " + s.ServiceProvider.GetRequiredService<CrmDbContext>().UserRoles.Count());
    }

    [Fact]
    public async Task RetryAfterFailedSave()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");
        await using var a = host.ScopeAs("alice", Roles.Admin);
        var db = a.ServiceProvider.GetRequiredService<CrmDbContext>();
        var dup = new ApplicationUser { UserName = "grace@example.com", NormalizedUserName = "GRACE@EXAMPLE.COM", Email = "x@example.com", DisplayName = "dup" };
        db.Users.Add(dup);
        try { await db.SaveChangesAsync(); } catch (Microsoft.EntityFrameworkCore.DbUpdateException e) { output.WriteLine("first save failed: " + e.InnerException?.Message); }
        dup.UserName = "other@example.com"; dup.NormalizedUserName = "OTHER@EXAMPLE.COM";
        await db.SaveChangesAsync();
        foreach (var row in await host.AuditRowsAsync())
            output.WriteLine($"{row.Sequence} {row.ActorName} {row.Action} {row.EntityType} {row.EntityId} {row.Changes.Length}");
    }
}
