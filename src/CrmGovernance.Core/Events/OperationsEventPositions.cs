using System.Collections.Concurrent;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Events;

/// <summary>
/// Where a subscriber's delivery stands. A subscriber that has caught up from the ledger instead of the events (the
/// insights rebuild) says which outbox position its reading covers, and delivery continues from there: events after it
/// come again, however late the subscriber's first pass. Handlers are idempotent, so an event counted both ways counts once.
/// </summary>
public static class OperationsEventPositions
{
    // On SQLite the database lock is nothing (one process per file): this gate keeps a pass and a position change apart there.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The newest event's sequence (0 for an empty outbox). Read it before reading the ledger the events describe.</summary>
    public static async Task<long> HeadAsync(CrmDbContext db, CancellationToken cancellationToken) =>
        await db.OperationsEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;

    /// <summary>
    /// Delivery to <paramref name="subscriber"/> continues after <paramref name="covered"/> at the latest: its position is
    /// created there when it has none, moved back to it when it is further on, and left alone when it is behind. Waits for a
    /// pass in progress; call it holding no lock that a handler of the subscriber takes.
    /// </summary>
    public static async Task ContinueAfterAsync(CrmDbContext db, string subscriber, long covered, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var held = await HoldAsync(db, subscriber, wait: true, cancellationToken);
        var consumer = await db.OperationsEventConsumers.FindAsync([subscriber], cancellationToken);
        if (consumer is null)
        {
            db.OperationsEventConsumers.Add(new OperationsEventConsumer { Subscriber = subscriber, Position = covered, UpdatedUtc = nowUtc });
        }
        else if (consumer.Position > covered)
        {
            (consumer.Position, consumer.UpdatedUtc) = (covered, nowUtc);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The subscriber's lock across nodes (waited for, or null at once when another node holds it and <paramref name="wait"/>
    /// is false) and its gate in this process (always waited for: the other holder is a pass or a position change here).
    /// </summary>
    internal static async Task<IAsyncDisposable?> HoldAsync(CrmDbContext db, string subscriber, bool wait, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() + "|" + subscriber, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var locks = db.Database.Dialect().Locks;
            var inner = wait
                ? await locks.HoldAsync(db.Database, DatabaseLock.EventSubscriber, subscriber, cancellationToken)
                : await locks.TryHoldAsync(db.Database, DatabaseLock.EventSubscriber, subscriber, cancellationToken);
            if (inner is null)
            {
                gate.Release();
                return null;
            }
            return new Held(inner, gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private sealed class Held(IAsyncDisposable inner, SemaphoreSlim gate) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
