using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.ErrorQueue;

/// <summary>The error queue's one writer, on a migrated SQLite file: what the inbox, a run's batch and a discard leave in the table.</summary>
public sealed class ErrorQueueWriterTests
{
    private static readonly Guid Flow = new("6f1c7d1e-0000-4000-8000-000000000001");
    private static readonly DateTime Start = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_record_failing_again_in_its_flow_is_one_open_item_with_another_attempt()
    {
        await using var host = await CoreTestHost.StartAsync();

        await InBatchAsync(host, w => w.QueueAsync(Flow, "shop", "person", 1, [new FailedRecord("p1", ErrorKind.Rejected, "email: not an email.", "{}")], Start, default));
        await InBatchAsync(host, w => w.QueueAsync(Flow, "shop", "person", 2,
            [new FailedRecord("p1", ErrorKind.Failed, new string('x', 5000), "{\"v\":2}"), new FailedRecord("p2", ErrorKind.Rejected, null, "{}")],
            Start.AddMinutes(1), default));

        var items = await QueryAsync(host, db => db.ErrorQueueItems.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, items.Count);
        var p1 = items[0];
        Assert.Equal(("p1", ErrorStatus.Open, ErrorKind.Failed, 2, 2L, "{\"v\":2}"), (p1.SourceId, p1.Status, p1.Kind, p1.Attempts, p1.RunId, p1.Payload));
        Assert.Equal(ErrorQueueWriter.MaxReasonLength, p1.Reason.Length);
        Assert.Equal((Flow, Start, Start.AddMinutes(1)), (p1.FlowId, p1.CreatedUtc, p1.LastAttemptUtc));
        Assert.Equal(("p2", "", 1, "shop", "person"), (items[1].SourceId, items[1].Reason, items[1].Attempts, items[1].SystemKey, items[1].ObjectKey));
    }

    [Fact]
    public async Task A_record_that_went_through_closes_its_open_item_and_a_discard_leaves_it_closed()
    {
        await using var host = await CoreTestHost.StartAsync();
        await InBatchAsync(host, w => w.QueueAsync(Flow, "shop", "person", 1,
            [new FailedRecord("p1", ErrorKind.Rejected, "no", "{}"), new FailedRecord("p2", ErrorKind.Rejected, "no", "{}")], Start, default));

        var open = false;
        await InBatchAsync(host, async w =>
        {
            open = await w.AnyOpenAsync(Flow, default);
            await w.ResolveAsync(Flow, "run #2", ["p1", "unknown"], Start.AddMinutes(1), default);
        });
        var ids = await QueryAsync(host, db => db.ErrorQueueItems.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        List<long> discarded;
        await using (var db = Open(host))
        {
            discarded = await ErrorQueueWriter.DiscardAsync(db, ids, "steward@example.com", Start.AddMinutes(2), default);
        }

        Assert.True(open);
        Assert.Equal([ids[1]], discarded);
        var items = await QueryAsync(host, db => db.ErrorQueueItems.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal((ErrorStatus.Resolved, "run #2", Start.AddMinutes(1)), (items[0].Status, items[0].ResolvedBy, items[0].ResolvedUtc));
        Assert.Equal((ErrorStatus.Discarded, "steward@example.com"), (items[1].Status, items[1].ResolvedBy));
        await InBatchAsync(host, async w => Assert.False(await w.AnyOpenAsync(Flow, default)));
    }

    [Fact]
    public async Task An_unreadable_inbound_payload_is_stored_as_sent_in_the_callers_transaction()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = Open(host);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        using var writer = new ErrorQueueWriter(db.Database.Dialect(), connection);
        var item = new ErrorQueueItem
        {
            Kind = ErrorKind.Inbound, SystemKey = "website", ObjectKey = "contact", Reason = "Not JSON.", Payload = "<xml/>",
            ContentType = "application/xml", CreatedUtc = Start,
        };

        long first, second;
        using (var rolledBack = connection.BeginTransaction())
        {
            first = writer.AddInbound(item, rolledBack);
        }
        using (var committed = connection.BeginTransaction())
        {
            second = writer.AddInbound(item, committed);
            committed.Commit();
        }

        var stored = await QueryAsync(host, q => q.ErrorQueueItems.ToListAsync());
        var only = Assert.Single(stored);
        Assert.True(first > 0);
        Assert.Equal(second, only.Id);
        Assert.Equal((ErrorKind.Inbound, ErrorStatus.Open, null, "<xml/>", "application/xml", 1), (only.Kind, only.Status, only.FlowId, only.Payload, only.ContentType, only.Attempts));
    }

    // A plain context on the host's file: error-queue rows are operational data, not audited.
    private static CrmDbContext Open(CoreTestHost host) => new(TestSql.Options(host.Provider, host.ConnectionString));

    private static async Task<T> QueryAsync<T>(CoreTestHost host, Func<CrmDbContext, Task<T>> query)
    {
        await using var db = Open(host);
        return await query(db);
    }

    // As the run recorder does: one connection, one transaction, a writer for the batch.
    private static async Task InBatchAsync(CoreTestHost host, Func<ErrorQueueWriter, Task> work)
    {
        await using var db = Open(host);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var writer = new ErrorQueueWriter(db.Database.Dialect(), connection, transaction))
        {
            await work(writer);
        }
        await transaction.CommitAsync();
    }
}
