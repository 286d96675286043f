using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

public sealed class AuditAppendOnlyTests
{
    [Fact]
    public async Task The_database_refuses_an_update_of_an_audit_row()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");
        var before = Assert.Single(await host.AuditRowsAsync());

        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => host.ExecuteRawAsync("UPDATE \"AuditEntries\" SET \"Changes\" = '[]';"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Changes, Assert.Single(await host.AuditRowsAsync()).Changes);
    }

    [Fact]
    public async Task The_database_refuses_a_delete_of_an_audit_row()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");

        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => host.ExecuteRawAsync("DELETE FROM \"AuditEntries\";"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Single(await host.AuditRowsAsync());
    }

    [Fact]
    public async Task Saving_a_tracked_change_to_an_audit_row_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");
        await using (var scope = host.ScopeAs("ada"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var row = await db.AuditEntries.SingleAsync();
            row.ActorName = "someone else";

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.Equal("system:test-seed", Assert.Single(await host.AuditRowsAsync()).ActorName);
    }

    [Fact]
    public async Task Saving_a_tracked_removal_of_an_audit_row_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");
        await using (var scope = host.ScopeAs("ada"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());

            var error = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        Assert.Single(await host.AuditRowsAsync());
    }

    [Fact]
    public async Task A_refused_audit_change_does_not_hold_the_chain_lock()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");
        await using (var scope = host.ScopeAs("ada"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            (await db.AuditEntries.SingleAsync()).Changes = "[]";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await host.CreateUserAsync("linus@example.com");

        Assert.Equal(2, (await host.AuditRowsAsync()).Count);
    }
}
