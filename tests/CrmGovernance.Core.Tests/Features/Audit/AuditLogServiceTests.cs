using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
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

    [Fact]
    public async Task A_steward_may_not_list_actors_sources_types_or_change_requests()
    {
        await using var host = await SeededHostAsync();
        await using var scope = host.ScopeAs("steward", Roles.Steward);
        var log = scope.ServiceProvider.GetRequiredService<AuditLogService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => log.ActorsAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => log.SourcesAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => log.EntityTypesAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => log.ChangeRequestChoicesAsync(null, 10));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => log.ChangeRequestLabelsAsync([Guid.NewGuid()]));
    }

    [Fact]
    public async Task Lists_the_distinct_actors_sources_and_entity_types_in_order()
    {
        await using var host = await SeededHostAsync();
        await using var scope = host.ScopeAs("reader", Roles.Auditor);
        var log = scope.ServiceProvider.GetRequiredService<AuditLogService>();

        Assert.Equal(["grace@example.com", "system:test-seed"], await log.ActorsAsync());
        Assert.Equal([AuditSources.Ui, AuditSources.Worker], await log.SourcesAsync());
        Assert.Equal(["User", "UserRole"], await log.EntityTypesAsync());
    }

    [Fact]
    public async Task Change_request_choices_match_the_number_or_the_title_and_labels_name_them()
    {
        await using var host = await SeededHostAsync();
        var routing = await AuditLogFilterTests.DraftAsync(host, "Lead routing");
        var owner = await AuditLogFilterTests.DraftAsync(host, "Contact owner");
        var forms = await AuditLogFilterTests.DraftAsync(host, "Website forms");
        await using var scope = host.ScopeAs("reader", Roles.Auditor);
        var log = scope.ServiceProvider.GetRequiredService<AuditLogService>();

        Assert.Equal([owner], (await log.ChangeRequestChoicesAsync("cr-2", 10)).Select(c => c.Id));
        Assert.Equal([owner], (await log.ChangeRequestChoicesAsync("2", 10)).Select(c => c.Id));
        Assert.Equal(new ChangeRequestChoice(owner, "CR-2", "Contact owner"), Assert.Single(await log.ChangeRequestChoicesAsync("OWNER", 10)));
        Assert.Equal([forms, owner], (await log.ChangeRequestChoicesAsync(null, 2)).Select(c => c.Id));
        Assert.Empty(await log.ChangeRequestChoicesAsync("%", 10));
        var labels = await log.ChangeRequestLabelsAsync([routing, forms, Guid.NewGuid()]);
        Assert.Equal(new Dictionary<Guid, string> { [routing] = "CR-1", [forms] = "CR-3" }, labels);
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
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(action, "User", "grace");
        }
        return host;
    }

    private static async Task<Core.Data.PagedResult<AuditEntry>> QueryAsync(CoreTestHost host, string role, AuditLogFilter filter, int page, int size)
    {
        await using var scope = host.ScopeAs("reader", role);
        return await scope.ServiceProvider.GetRequiredService<AuditLogService>().QueryAsync(filter, page, size);
    }
}
