using System.Data.Common;
using System.Globalization;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>
/// The one writer of the error queue (ErrorQueueItems): unreadable inbound payloads (the inbox writer's group commit),
/// records a run rejected or failed and the ones it later got through (the run recorder's batch), and discards
/// (<see cref="ErrorQueueService"/>). It writes on the caller's connection, so an item commits with the change that
/// caused it. The statements are the dialect's, each created on first use and reused for every row after.
/// </summary>
/// <param name="transaction">The transaction of the run's batch; the inbox passes one per commit instead (<see cref="AddInbound"/>).</param>
internal sealed class ErrorQueueWriter(IPortalSqlDialect dialect, DbConnection connection, DbTransaction? transaction = null) : IDisposable, IAsyncDisposable
{
    /// <summary>Reasons are cut to this length (a run's failure can quote a whole response).</summary>
    public const int MaxReasonLength = 4000;

    private PortalCommand? _inbound;
    private PortalCommand? _retry;
    private PortalCommand? _insert;
    private PortalCommand? _anyOpen;
    private PortalCommand? _resolve;

    private IErrorQueueStatements Sql => dialect.ErrorQueue;

    /// <summary>Stores an inbound payload the endpoint could not accept; returns its id. The inbox keeps this writer across its commits.</summary>
    public long AddInbound(ErrorQueueItem item, DbTransaction inTransaction)
    {
        _inbound ??= PortalCommand.Create(dialect, connection, inTransaction, Sql.InsertInbound, prepare: false);
        var id = (long)_inbound.Scalar(inTransaction, item.Kind.ToString(), item.Status.ToString(), item.SystemKey, item.ObjectKey,
            item.Reason, item.Payload, item.ContentType, item.Attempts, item.CreatedUtc)!;
        inTransaction.Raise(dialect, new ErrorQueueItemsAdded(null, 1, null), item.CreatedUtc);
        return id;
    }

    /// <summary>A record already waiting in the queue (same flow and source id) gets another attempt; others get a new entry.</summary>
    public async Task QueueAsync(Guid flowId, string systemKey, string objectKey, long runId, IEnumerable<FailedRecord> records, DateTime now,
        CancellationToken ct)
    {
        var added = 0;
        foreach (var r in records)
        {
            var reason = Truncate(r.Reason) ?? "";
            var kind = r.Kind.ToString();
            _retry ??= PortalCommand.Create(dialect, connection, transaction, Sql.RetryOpen);
            if (await _retry.ExecuteAsync(ct, now, reason, kind, r.Payload, runId, flowId, r.SourceId) == 0)
            {
                _insert ??= PortalCommand.Create(dialect, connection, transaction, Sql.InsertOpen);
                await _insert.ExecuteAsync(ct, kind, flowId, systemKey, objectKey, runId, r.SourceId, reason, r.Payload, now);
                added++;
            }
        }
        if (added > 0 && transaction is not null)
        {
            // With the items, in the batch's transaction: incidents and queue figures subscribe to it.
            await transaction.RaiseAsync(dialect, new ErrorQueueItemsAdded(flowId, added, runId), now, ct);
        }
    }

    /// <summary>Whether the flow has any open item: most batches have none, and skip <see cref="ResolveAsync"/>.</summary>
    public async Task<bool> AnyOpenAsync(Guid flowId, CancellationToken ct)
    {
        _anyOpen ??= PortalCommand.Create(dialect, connection, transaction, Sql.AnyOpen);
        return Convert.ToInt64(await _anyOpen.ScalarAsync(ct, flowId), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Records that went through close what the queue held for them.</summary>
    public async Task ResolveAsync(Guid flowId, string resolvedBy, IEnumerable<string> sourceIds, DateTime now, CancellationToken ct)
    {
        _resolve ??= PortalCommand.Create(dialect, connection, transaction, Sql.ResolveOpen);
        foreach (var sourceId in sourceIds)
        {
            await _resolve.ExecuteAsync(ct, now, resolvedBy, flowId, sourceId);
        }
    }

    /// <summary>
    /// Marks the items among <paramref name="ids"/> that are still open as discarded (one set-based update through EF, in
    /// its own transaction); returns their ids, in order. Items resolved or discarded meanwhile are left as they are.
    /// </summary>
    public static async Task<List<long>> DiscardAsync(CrmDbContext db, IReadOnlyCollection<long> ids, string by, DateTime now, CancellationToken ct)
    {
        await using var discard = await db.Database.BeginTransactionAsync(ct);
        var discarded = await db.ErrorQueueItems.Where(e => ids.Contains(e.Id) && e.Status == ErrorStatus.Open).Select(e => e.Id)
            .OrderBy(id => id).ToListAsync(ct);
        await db.ErrorQueueItems.Where(e => discarded.Contains(e.Id) && e.Status == ErrorStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ErrorStatus.Discarded)
                .SetProperty(e => e.ResolvedUtc, now)
                .SetProperty(e => e.ResolvedBy, by), ct);
        await discard.CommitAsync(ct);
        return discarded;
    }

    public void Dispose()
    {
        foreach (var command in Commands())
        {
            command.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in Commands())
        {
            await command.DisposeAsync();
        }
    }

    private IEnumerable<PortalCommand> Commands() => new[] { _inbound, _retry, _insert, _anyOpen, _resolve }.OfType<PortalCommand>();

    private static string? Truncate(string? text) => text is null || text.Length <= MaxReasonLength ? text : text[..MaxReasonLength];
}
