using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

public sealed class AuditLogServiceTests
{
    [Fact]
    public async Task Filters_by_action()
    {
        await using var host = await SeededHostAsync();

        var page = await QueryAsync(host, Roles.Auditor, new AuditLogFilter(Action: AuditActions.SignOut), 0, 50);

        Assert.Equal(2, page.Total);
        Assert.All(page.Items, r => Assert.Equal(AuditActions.SignOut, r.Action));
    }

    [Fact]
    public async Task Filters_by_entity_type()
    {
        await using var host = await SeededHostAsync();

        var page = await QueryAsync(host, Roles.Admin, new AuditLogFilter(EntityType: "UserRole"), 0, 50);

        var row = Assert.Single(page.Items);
        Assert.Equal((AuditActions.Insert, "UserRole"), (row.Action, row.EntityType));
    }

    [Fact]
    public async Task Pages_newest_first_and_reports_the_total()
    {
        await using var host = await SeededHostAsync();

        var first = await QueryAsync(host, Roles.Auditor, new AuditLogFilter(), 0, 3);
        var last = await QueryAsync(host, Roles.Auditor, new AuditLogFilter(), 2, 3);

        Assert.Equal(7, first.Total);
        Assert.Equal([7L, 6, 5], first.Items.Select(r => r.Sequence));
        Assert.Equal([1L], last.Items.Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_steward_may_not_read_the_audit_log()
    {
        await using var host = await SeededHostAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => QueryAsync(host, Roles.Steward, new AuditLogFilter(), 0, 10));
    }

    /// <summary>User insert, role insert, three sign-ins and two sign-outs: seven rows.</summary>
    private static async Task<CoreTestHost> SeededHostAsync()
    {
        var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com", Roles.Steward);
        string[] events = [AuditActions.SignIn, AuditActions.SignOut, AuditActions.SignIn, AuditActions.SignOut, AuditActions.SignIn];
        foreach (var action in events)
        {
            await using var scope = host.ScopeAs("grace@example.com");
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(action, "User", "grace");
        }
        return host;
    }

    private static async Task<Core.Data.PagedResult<AuditEntry>> QueryAsync(CoreTestHost host, string role, AuditLogFilter filter, int page, int size)
    {
        await using var scope = host.ScopeAs("reader", role);
        return await scope.ServiceProvider.GetRequiredService<AuditLogService>().QueryAsync(filter, page, size);
    }
}
