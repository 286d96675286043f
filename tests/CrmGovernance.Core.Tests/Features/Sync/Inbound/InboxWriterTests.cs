using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Core.Features.Systems.Connectors.Webhook;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Inbound;

/// <summary>The inbox writer's group commit: many requests in one transaction (on PostgreSQL one round trip of inserts).</summary>
public sealed class InboxWriterTests
{
    [Fact]
    public async Task A_burst_of_requests_gets_ids_in_arrival_order_and_a_repeated_key_finds_its_first_item()
    {
        await using var host = await CoreTestHost.StartAsync();
        var writer = host.Singleton<InboxWriter>();
        await writer.StartAsync(CancellationToken.None);
        try
        {
            // Queued without waiting, so the writer commits them in groups of several.
            var items = Enumerable.Range(0, 40).Select(i => Item($"key-{i}", $$"""{"n":"{{i}}"}""")).ToList();
            var pending = items.Select(item => writer.AcceptAsync(item)).ToList();
            var repeated = writer.AcceptAsync(Item("key-3", """{"n":"3"}"""));
            var conflicting = writer.AcceptAsync(Item("key-5", """{"n":"other"}"""));
            var accepted = await Task.WhenAll(pending);

            Assert.All(accepted, a => Assert.False(a.Duplicate));
            Assert.Equal(accepted.Select(a => a.Id).Order(), accepted.Select(a => a.Id));
            Assert.Equal(40, accepted.Select(a => a.Id).Distinct().Count());
            Assert.Equal(new InboxAcceptance(accepted[3].Id, true, false), await repeated);
            Assert.Equal(new InboxAcceptance(accepted[5].Id, true, true), await conflicting);
            await using var db = new CrmDbContext(TestSql.Options(host.Provider, host.ConnectionString));
            var stored = await db.Set<InboxItem>().OrderBy(i => i.Id).Select(i => new { i.Id, i.IdempotencyKey, i.PayloadJson }).ToListAsync();
            Assert.Equal(items.Select(i => (i.IdempotencyKey, i.PayloadJson)), stored.Select(s => (s.IdempotencyKey, s.PayloadJson)));
            Assert.Equal(accepted.Select(a => a.Id), stored.Select(s => s.Id));
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }
    }

    private static InboxItem Item(string key, string payload) =>
        new() { SystemKey = "webform", ObjectKey = "lead", IdempotencyKey = key, PayloadJson = payload, ReceivedUtc = new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc) };
}
