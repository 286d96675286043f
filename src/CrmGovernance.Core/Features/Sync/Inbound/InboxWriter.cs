using System.Diagnostics.Metrics;
using System.Diagnostics;
using System.Threading.Channels;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Systems.Connectors.Webhook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>
/// Group commit for the inbound endpoint: requests queue their inbox item (or error-queue item) and wait; one
/// background loop takes everything queued, inserts it in one transaction on its own connection, and completes each
/// request only after the commit. Many concurrent requests share one commit (one fsync), and no request opens an EF
/// context. Inbox rows are not audited: they are operational data, like runs. Singleton and hosted service.
/// </summary>
public sealed class InboxWriter(
    DbContextOptions<CrmDbContext> options, InboxSignal signal, IOptions<InboundOptions> settings, ILogger<InboxWriter> logger) : BackgroundService
{
    /// <summary>Meter of the inbox: commit duration (ms, including the disk sync) and rows per commit.</summary>
    public const string MeterName = "CrmGovernance.Inbox";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("crmgov.inbox.commit.duration", "ms", "Time to insert a batch and commit it to disk.");
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("crmgov.inbox.commit.rows", "{row}", "Inbox and error-queue rows per commit.");

    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private InboxStatements? _connection;
    private long _lastCheckpoint = Environment.TickCount64;
    private int _checkpointing;

    /// <summary>Stores the item in the inbox, or finds the one stored earlier under the same system and idempotency key.</summary>
    /// <exception cref="ChannelClosedException">The application is stopping.</exception>
    public async Task<InboxAcceptance> AcceptAsync(InboxItem item, CancellationToken cancellationToken = default)
    {
        var write = new PendingWrite(item, null);
        await _queue.Writer.WriteAsync(write, cancellationToken);
        return await write.Done.Task;
    }

    /// <summary>Stores an item in the error queue; returns its id.</summary>
    public async Task<long> StoreErrorAsync(ErrorQueueItem item, CancellationToken cancellationToken = default)
    {
        var write = new PendingWrite(null, item);
        await _queue.Writer.WriteAsync(write, cancellationToken);
        return (await write.Done.Task).Id;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The server stops before this service: what it queued is written, then the loop ends.
        // The loop closes its own connection when it ends: disposing it here raced a commit still running when the
        // host's stop timeout ended the wait.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    // A thread of its own: each commit blocks on the disk (fsync), which must not hold a thread-pool thread on a small machine.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(Loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Loop()
    {
        var max = settings.Value.MaxBatchSize;
        var batch = new List<PendingWrite>(max);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < max && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            try
            {
                Write(batch);
            }
            catch (Exception ex)
            {
                // Never let the loop die: every later request would wait for ever.
                logger.LogError(ex, "The inbox writer failed a batch of {Count}", batch.Count);
                batch.ForEach(w => w.Done.TrySetException(ex));
            }
            batch.Clear();
        }
        _connection?.Dispose();
        _connection = null;
    }

    private void Write(List<PendingWrite> batch)
    {
        try
        {
            var results = Commit(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad item must not fail its neighbours: write them one by one.
            logger.LogWarning(ex, "An inbox batch of {Count} failed; writing its items one by one", batch.Count);
            Reset();
            foreach (var write in batch)
            {
                try
                {
                    write.Done.TrySetResult(Commit([write])[0]);
                }
                catch (Exception one)
                {
                    logger.LogError(one, "Could not store an inbound payload for {System}/{Object}", write.SystemKey, write.ObjectKey);
                    write.Done.TrySetException(one);
                    Reset();
                }
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not store an inbound payload for {System}/{Object}", batch[0].SystemKey, batch[0].ObjectKey);
            batch[0].Done.TrySetException(ex);
            Reset();
        }
        Notify(batch);
    }

    private InboxAcceptance[] Commit(IReadOnlyList<PendingWrite> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var c = _connection ??= Open();
        using var transaction = c.Connection.BeginTransaction();
        var results = new InboxAcceptance[batch.Count];
        var i = 0;
        while (i < batch.Count)
        {
            if (batch[i].Error is { } error)
            {
                results[i++] = new InboxAcceptance(c.Insert(error, transaction), false);
                continue;
            }
            // A run of inbox items goes in together (one round trip on PostgreSQL), in the order they came.
            var start = i;
            while (i < batch.Count && batch[i].Inbox is not null)
            {
                i++;
            }
            var accepted = c.Insert(batch.Skip(start).Take(i - start).Select(w => w.Inbox!).ToList(), transaction);
            accepted.CopyTo(results, start);
        }
        transaction.Commit();
        CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        BatchSize.Record(batch.Count);
        CheckpointInBackground();
        return results;
    }

    /// <summary>
    /// Moves committed pages from the WAL into the database file about once a second, on another connection and
    /// thread, so the writer seldom pays for SQLite's automatic checkpoint (which would stall the requests of that commit).
    /// </summary>
    private void CheckpointInBackground()
    {
        if (Environment.TickCount64 - _lastCheckpoint < 1000 || Interlocked.CompareExchange(ref _checkpointing, 1, 0) != 0)
        {
            return;
        }
        _lastCheckpoint = Environment.TickCount64;
        _ = Task.Run(() =>
        {
            try
            {
                using var db = new CrmDbContext(options, ActorContext.System("inbox-checkpoint"));
                db.Database.Dialect().Session.Checkpoint(db.Database);
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "A background WAL checkpoint did not run");
            }
            finally
            {
                Volatile.Write(ref _checkpointing, 0);
            }
        });
    }

    private void Notify(List<PendingWrite> batch)
    {
        var arrived = batch
            .Where(w => w.Inbox is not null && w.Done.Task.IsCompletedSuccessfully && !w.Done.Task.Result.Duplicate)
            .Select(w => (w.SystemKey, w.ObjectKey)).Distinct().ToList();
        if (arrived.Count == 0)
        {
            return;
        }
        // Subscribers start runs; they must not hold up the next commit.
        _ = Task.Run(() =>
        {
            foreach (var (system, @object) in arrived)
            {
                try
                {
                    signal.Notify(system, @object);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "An inbox subscriber failed for {System}/{Object}", system, @object);
                }
            }
        });
    }

    private InboxStatements Open()
    {
        var db = new CrmDbContext(options, ActorContext.System("inbox-writer"));
        try
        {
            // Opened through EF so the connection gets the same settings (busy timeout) as every other. A commit is on
            // disk before any request of it is answered.
            db.Database.OpenConnection();
            db.Database.Dialect().Session.UseDurableCommits(db.Database);
            return new InboxStatements(db);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private void Reset()
    {
        var connection = _connection;
        _connection = null;
        try
        {
            connection?.Dispose();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Closing the inbox writer's connection failed");
        }
    }

    private sealed class PendingWrite(InboxItem? inbox, ErrorQueueItem? error)
    {
        public InboxItem? Inbox { get; } = inbox;
        public ErrorQueueItem? Error { get; } = error;
        public TaskCompletionSource<InboxAcceptance> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string SystemKey => Inbox?.SystemKey ?? Error!.SystemKey;
        public string ObjectKey => Inbox?.ObjectKey ?? Error!.ObjectKey;
    }
}
