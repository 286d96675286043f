using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>The page searches the newest <see cref="AuditLogService.SearchLimit"/> matches and says when there are more; exports search all.</summary>
public sealed class AuditLogSearchLimitTests
{
    private const int Extra = 30;
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_word_in_more_rows_than_the_limit_pages_through_the_newest_matches_and_says_there_are_more()
    {
        await using var host = await SeededHostAsync();
        await using var scope = host.ScopeAs("auditor@example.com", Roles.Auditor);
        var log = scope.ServiceProvider.GetRequiredService<AuditLogService>();
        var filter = new AuditLogFilter(Search: "needle");

        var first = await log.QueryAsync(filter, 0, 200);
        var last = await log.QueryAsync(filter, AuditLogService.SearchLimit / 200 - 1, 200);
        var beyond = await log.QueryAsync(filter, AuditLogService.SearchLimit / 200, 200);

        var head = first.Items[0].Sequence;
        Assert.Equal(AuditLogService.SearchLimit, first.Total);
        Assert.Equal(head - AuditLogService.SearchLimit + 1, last.Items[^1].Sequence);
        Assert.Empty(beyond.Items);
        Assert.True(await log.SearchExceedsLimitAsync(filter));
        Assert.False(await log.SearchExceedsLimitAsync(new AuditLogFilter(Search: "needle", FromUtc: Start.AddMilliseconds(250L * (Extra + 100)))));
    }

    [Fact]
    public async Task A_search_with_another_filter_keeps_to_the_newest_matches_while_the_export_query_counts_them_all()
    {
        await using var host = await SeededHostAsync();
        await using var scope = host.ScopeAs("auditor@example.com", Roles.Auditor);
        var filter = new AuditLogFilter(Search: "needle", Action: AuditActions.Update);

        var page = await scope.ServiceProvider.GetRequiredService<AuditLogService>().QueryAsync(filter, 0, 50);
        var all = await AuditLogQuery.CountAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), filter, null, CancellationToken.None);

        // Synthetic rows cycle through five actions, two of them Update: 2 in 5 of the newest 10,000 matches.
        Assert.Equal(AuditLogService.SearchLimit * 2 / 5, page.Total);
        Assert.True(all > page.Total);
        Assert.All(page.Items, e => Assert.Equal(AuditActions.Update, e.Action));
    }

    /// <summary>SearchLimit + Extra rows that all hold the word "needle".</summary>
    private static async Task<CoreTestHost> SeededHostAsync()
    {
        var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, AuditLogService.SearchLimit + Extra, i =>
        {
            var row = AuditRowSeeder.Synthetic(i, Start);
            row.Changes = $$"""[{"field":"Note","old":null,"new":"needle {{i}}"}]""";
            return row;
        });
        return host;
    }
}
