using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Events;

/// <summary>
/// Delivers the outbox to each subscriber, in order and at least once, saving its position after each success. Each
/// subscriber has a loop of its own, so one that throws (retried with growing pauses) or hangs holds up nobody else.
/// The loops wake when this process commits an event, or when one watch, polling for all of them, finds work no commit
/// here announced (events from other processes, a retry due). The portal
/// runs it as a hosted service; the command line does not (its events reach the portal through the table).
/// </summary>
public sealed class OperationsEventDispatcher(DbContextOptions<CrmDbContext> database, IEnumerable<IOperationsEventSubscriber> subscribers,
    OperationsEventSignal signal, IOptions<OperationsEventsOptions> options, TimeProvider time, ILogger<OperationsEventDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePass = TimeSpan.FromMinutes(1);
    private readonly IReadOnlyList<IOperationsEventSubscriber> _subscribers = [.. subscribers];

    /// <summary>One pass for every subscriber, one after the other; returns the events handled. The hosted loops call
    /// <see cref="DeliverAsync"/> instead; tests call this.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var subscriber in _subscribers)
        {
            handled += await DeliverAsync(subscriber, cancellationToken);
        }
        return handled;
    }

    /// <summary>Hands the subscriber what it has not handled yet, until the outbox is exhausted or a handler fails.</summary>
    public async Task<int> DeliverAsync(IOperationsEventSubscriber subscriber, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var db = new CrmDbContext(database);
        // A subscriber every node runs under one name (insights, incidents) is handled by one node at a time; the others
        // find it busy and try again at their next pass (ADR 0019). A per-node subscriber's name is its own. The same lock
        // keeps a pass apart from a rebuild moving the position back (OperationsEventPositions).
        await using var held = await OperationsEventPositions.HoldAsync(db, subscriber.Name, wait: false, cancellationToken);
        if (held is null)
        {
            return 0;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var consumer = await db.OperationsEventConsumers.FindAsync([subscriber.Name], cancellationToken);
        if (consumer is null)
        {
            // Earlier events are not its business; one that catches up from the ledger first records where it starts.
            var head = await OperationsEventPositions.HeadAsync(db, cancellationToken);
            db.OperationsEventConsumers.Add(new OperationsEventConsumer { Subscriber = subscriber.Name, Position = head, UpdatedUtc = now });
            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }
        if (consumer.RetryAfterUtc > now)
        {
            return 0;
        }
        var handled = 0;
        while (true)
        {
            var page = await db.OperationsEvents.AsNoTracking().Where(e => e.Sequence > consumer.Position).OrderBy(e => e.Sequence)
                .Take(settings.BatchSize).ToListAsync(cancellationToken);
            foreach (var row in page)
            {
                if (subscriber.Kinds is { } kinds && !kinds.Contains(row.Kind))
                {
                    consumer.Position = row.Sequence;
                    continue;
                }
                if (OperationsEventKinds.Read(row) is not { } envelope)
                {
                    // Written by a newer version (or damaged): retrying would never help.
                    logger.LogWarning("Operations event {Sequence} of kind {Kind} cannot be read by this version; {Subscriber} skips it", row.Sequence, row.Kind, subscriber.Name);
                    consumer.Position = row.Sequence;
                    continue;
                }
                try
                {
                    await subscriber.HandleAsync(envelope, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    await FailedAsync(db, consumer, subscriber, row, e);
                    return handled;
                }
                (consumer.Position, consumer.Attempts, consumer.LastError, consumer.RetryAfterUtc, consumer.UpdatedUtc) = (row.Sequence, 0, null, null, now);
                await db.SaveChangesAsync(cancellationToken);
                handled++;
            }
            // Skipped kinds move the position too, and an idle subscriber's row stays fresh so pruning keeps counting it.
            if (db.ChangeTracker.HasChanges() || consumer.UpdatedUtc < now - settings.Retention / 4)
            {
                consumer.UpdatedUtc = now;
                await db.SaveChangesAsync(cancellationToken);
            }
            if (page.Count < settings.BatchSize)
            {
                return handled;
            }
        }
    }

    /// <summary>Deletes events past the retention that every subscriber seen within it has handled, and forgets
    /// subscribers not seen within it (a node or a feature that is gone).</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.Retention;
        await using var db = new CrmDbContext(database);
        await db.OperationsEventConsumers.Where(c => c.UpdatedUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
        var handledByAll = await db.OperationsEventConsumers.MinAsync(c => (long?)c.Position, cancellationToken) ?? long.MaxValue;
        return await db.OperationsEvents.Where(e => e.OccurredUtc < cutoff && e.Sequence <= handledByAll).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Whether any of <paramref name="names"/> has something to do: an event after its position that it may handle now (not
    /// waiting out a retry pause), or no position yet. One read of the head and of the positions, however many subscribers.
    /// </summary>
    public async Task<bool> AnyDueAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        await using var db = new CrmDbContext(database);
        var head = await OperationsEventPositions.HeadAsync(db, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var consumers = await db.OperationsEventConsumers.AsNoTracking().Where(c => names.Contains(c.Subscriber))
            .Select(c => new { c.Position, c.RetryAfterUtc }).ToListAsync(cancellationToken);
        return consumers.Count < names.Count || consumers.Any(c => c.Position < head && (c.RetryAfterUtc == null || c.RetryAfterUtc <= now));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_subscribers.Select(s => Task.Run(() => LoopAsync(s, stoppingToken), CancellationToken.None))
            .Append(WatchAsync(stoppingToken)).Append(PruneLoopAsync(stoppingToken)));

    /// <summary>
    /// Looks every <see cref="OperationsEventsOptions.PollInterval"/> whether a subscriber of this process has work that no
    /// commit here announced (events written by another process, a retry pause over, a position a rebuild moved back, a
    /// subscriber another node held) and then wakes the loops. An idle portal reads two small things per interval instead
    /// of each subscriber reading the outbox: the per-subscriber polls cost the webhook intake 15 % of its throughput.
    /// </summary>
    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var names = _subscribers.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
                if (await AnyDueAsync(names, stoppingToken))
                {
                    signal.Notify();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database busy or not migrated yet: let the loops look for themselves.
                logger.LogDebug(e, "Looking for operations events to deliver failed");
                signal.Notify();
            }
        }
    }

    private async Task LoopAsync(IOperationsEventSubscriber subscriber, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                await DeliverAsync(subscriber, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database busy or not migrated yet: the next pass tries again.
                logger.LogWarning(e, "Delivering operations events to {Subscriber} failed; trying again shortly", subscriber.Name);
            }
            try
            {
                // Woken by a commit here or by the watch; a pass a minute regardless keeps an idle subscriber's row fresh.
                await wake.WaitAsync(IdlePass, stoppingToken);
            }
            catch (TimeoutException)
            {
                // Nothing announced for a while: look anyway.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PruneLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var pruned = await PruneAsync(stoppingToken);
                    logger.LogDebug("Pruned {Count} delivered operations events", pruned);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Pruning operations events failed; trying again later");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task FailedAsync(CrmDbContext db, OperationsEventConsumer consumer, IOperationsEventSubscriber subscriber, OutboxEvent row, Exception e)
    {
        var settings = options.Value;
        consumer.Attempts++;
        var pause = TimeSpan.FromTicks(Math.Min(settings.RetryMaxDelay.Ticks, settings.RetryInitialDelay.Ticks * (1L << Math.Min(consumer.Attempts - 1, 30))));
        var now = time.GetUtcNow().UtcDateTime;
        var error = $"{e.GetType().Name}: {e.Message}";
        (consumer.LastError, consumer.RetryAfterUtc, consumer.UpdatedUtc) = (error.Length > 4000 ? error[..4000] : error, now + pause, now);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogWarning(e, "{Subscriber} failed on operations event {Sequence} ({Kind}), attempt {Attempts}; next try in {Pause}",
            subscriber.Name, row.Sequence, row.Kind, consumer.Attempts, pause);
    }
}
