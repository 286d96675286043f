using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

public sealed class AuditLogFilterTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Filters_by_change_request()
    {
        await using var host = await CoreTestHost.StartAsync();
        Guid[] requests = [await DraftAsync(host, "Lead routing"), await DraftAsync(host, "Contact owner")];
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 400, i => AuditRowSeeder.Synthetic(i, Start, requests));
        var expected = (await host.AuditRowsAsync()).Where(r => r.ChangeRequestId == requests[1]).Select(r => r.Sequence).Reverse().ToList();

        var page = await QueryAsync(host, new AuditLogFilter(ChangeRequestId: requests[1]), 0, 200);

        Assert.Equal(21, expected.Count); // 20 seeded rows plus the draft's own insert
        Assert.Equal(expected, page.Items.Select(r => r.Sequence));
        Assert.Equal(expected.Count, page.Total);
    }

    [Fact]
    public async Task Filters_by_source()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 90, i => AuditRowSeeder.Synthetic(i, Start));

        var page = await QueryAsync(host, new AuditLogFilter(Source: AuditSources.Worker), 0, 200);

        Assert.Equal(30, page.Total);
        Assert.All(page.Items, r => Assert.Equal(AuditSources.Worker, r.Source));
    }

    [Fact]
    public async Task Time_range_includes_its_start_and_excludes_its_end_even_among_equal_times()
    {
        await using var host = await CoreTestHost.StartAsync();
        // Rows 0..29, three per second: 10 distinct times, each shared by three rows.
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 30, i => AuditRowSeeder.Synthetic(i, Start) is var row
            ? new AuditEntry { TimeUtc = Start.AddSeconds(i / 3), ActorName = row.ActorName, Action = row.Action, EntityType = row.EntityType, Changes = row.Changes, Source = row.Source }
            : row);

        var page = await QueryAsync(host, new AuditLogFilter(FromUtc: Start.AddSeconds(2), ToUtc: Start.AddSeconds(5)), 0, 200);

        Assert.Equal(9, page.Total);
        Assert.All(page.Items, r => Assert.InRange(r.TimeUtc, Start.AddSeconds(2), Start.AddSeconds(4)));
        Assert.Equal(Start.AddSeconds(2), page.Items[^1].TimeUtc);
        Assert.Equal(Start.AddSeconds(4), page.Items[0].TimeUtc);
    }

    [Fact]
    public async Task A_time_range_with_no_rows_returns_none()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 30, i => AuditRowSeeder.Synthetic(i, Start));

        var before = await QueryAsync(host, new AuditLogFilter(ToUtc: Start), 0, 50);
        var after = await QueryAsync(host, new AuditLogFilter(FromUtc: Start.AddDays(1)), 0, 50);
        var inverted = await QueryAsync(host, new AuditLogFilter(FromUtc: Start.AddSeconds(5), ToUtc: Start.AddSeconds(1)), 0, 50);

        Assert.Equal((0, 0, 0), (before.Total, after.Total, inverted.Total));
        Assert.Empty(before.Items.Concat(after.Items).Concat(inverted.Items));
    }

    [Fact]
    public async Task Actor_matches_the_whole_name_ignoring_case_or_the_user_id_never_a_part()
    {
        await using var host = await CoreTestHost.StartAsync();
        var graceId = await host.CreateUserAsync("grace@example.com", Roles.Steward);
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 6, i => new AuditEntry
        {
            TimeUtc = Start, ActorName = "grace@example.com", ActorId = i < 4 ? graceId : "someone-else", Action = AuditActions.Update, EntityType = "User", Source = AuditSources.Ui,
        });

        var byName = await QueryAsync(host, new AuditLogFilter(Actor: "GRACE@example.com"), 0, 50);
        var byId = await QueryAsync(host, new AuditLogFilter(Actor: graceId), 0, 50);
        var byPart = await QueryAsync(host, new AuditLogFilter(Actor: "grace"), 0, 50);

        Assert.Equal(6, byName.Total);
        Assert.All(byName.Items, r => Assert.Equal("grace@example.com", r.ActorName));
        Assert.Equal(4, byId.Total);
        Assert.All(byId.Items, r => Assert.Equal(graceId, r.ActorId));
        Assert.Equal(0, byPart.Total);
    }

    [Fact]
    public async Task Entity_id_and_action_combine()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 12_000, i => AuditRowSeeder.Synthetic(i, Start));

        var page = await QueryAsync(host, new AuditLogFilter(EntityType: "User", EntityId: " 2 ", Action: AuditActions.Update), 0, 50);

        // Entity id 2 recurs every 5,000 rows (i = 2, 5002, 10002); entity "User" and action Update both hold for i = 2 only.
        var row = Assert.Single(page.Items);
        Assert.Equal(("User", "2", AuditActions.Update), (row.EntityType, row.EntityId, row.Action));
    }

    internal static async Task<Guid> DraftAsync(CoreTestHost host, string title)
    {
        await using var scope = host.ScopeAs("owner@example.com", Roles.BusinessOwner);
        return await scope.ServiceProvider.GetRequiredService<ChangeRequestService>().CreateDraftAsync(title, "Because");
    }

    internal static async Task<PagedResult<AuditEntry>> QueryAsync(CoreTestHost host, AuditLogFilter filter, int page, int size)
    {
        await using var scope = host.ScopeAs("auditor@example.com", Roles.Auditor);
        return await scope.ServiceProvider.GetRequiredService<AuditLogService>().QueryAsync(filter, page, size);
    }
}
