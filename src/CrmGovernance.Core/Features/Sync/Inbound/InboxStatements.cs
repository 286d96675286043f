using System.Data.Common;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Systems.Connectors.Webhook;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>
/// The inbox writer's connection and its statements (the dialect's: Data/Dialects), created once and reused for every
/// commit: raw ADO on the connection EF opened, so no change tracking or context per row. Unreadable payloads go to the
/// error queue through its one writer.
/// </summary>
internal sealed class InboxStatements : IDisposable
{
    private readonly CrmDbContext _db;
    private readonly IPortalSqlDialect _dialect;
    private readonly PortalCommand _insertInbox;
    private readonly PortalCommand _findInbox;
    private readonly ErrorQueueWriter _errors;

    public InboxStatements(CrmDbContext db)
    {
        _db = db;
        Connection = db.Database.GetDbConnection();
        var dialect = _dialect = db.Database.Dialect();
        _insertInbox = PortalCommand.Create(dialect, Connection, null, dialect.Inbox.Insert, prepare: false);
        _findInbox = PortalCommand.Create(dialect, Connection, null, dialect.Inbox.FindEarlier, prepare: false);
        _errors = new ErrorQueueWriter(dialect, Connection);
    }

    public DbConnection Connection { get; }

    public InboxAcceptance Insert(InboxItem item, DbTransaction transaction)
    {
        var id = _insertInbox.Scalar(transaction, item.SystemKey, item.ObjectKey, item.IdempotencyKey, item.PayloadJson, item.ReceivedUtc);
        return id is long inserted ? new InboxAcceptance(inserted, false) : FindEarlier(item, transaction);
    }

    /// <summary>
    /// The items in order, in one round trip where the driver sends a batch of commands (ADO.NET <see cref="DbBatch"/>:
    /// Npgsql): on a server across a socket a round trip per item made the group commit's inserts cost more than its
    /// flush (docs/performance.md). The statements, their order and the transaction are the same as one by one, so ids
    /// are taken in order (the inbox's ordering trigger) and a key repeated within the group finds its first item.
    /// Without batches (Microsoft.Data.Sqlite, in-process) one statement runs per item.
    /// </summary>
    public InboxAcceptance[] Insert(IReadOnlyList<InboxItem> items, DbTransaction transaction)
    {
        if (items.Count == 1 || !Connection.CanCreateBatch)
        {
            return items.Select(item => Insert(item, transaction)).ToArray();
        }
        var ids = new long?[items.Count];
        using (var batch = Connection.CreateBatch())
        {
            batch.Transaction = transaction;
            foreach (var item in items)
            {
                StatementRows.Add(batch, _dialect, _dialect.Inbox.Insert, item.SystemKey, item.ObjectKey, item.IdempotencyKey, item.PayloadJson, item.ReceivedUtc);
            }
            using var reader = batch.ExecuteReader();
            for (var i = 0; i < items.Count; i++)
            {
                // Every insert returns a result set: its new id, or no row when the key was stored before.
                if (i > 0 && !reader.NextResult())
                {
                    throw new InvalidOperationException($"The inbox batch returned {i} results for {items.Count} inserts.");
                }
                ids[i] = reader.Read() ? reader.GetInt64(0) : null;
            }
        }
        return items.Select((item, i) => ids[i] is { } id ? new InboxAcceptance(id, false) : FindEarlier(item, transaction)).ToArray();
    }

    /// <summary>The item stored earlier under the same key; compared by its stored payload, so no hash column is needed.</summary>
    private InboxAcceptance FindEarlier(InboxItem item, DbTransaction transaction)
    {
        using var reader = _findInbox.Reader(transaction, item.SystemKey, item.IdempotencyKey, item.ObjectKey, item.PayloadJson);
        if (!reader.Read())
        {
            throw new InvalidOperationException($"The inbox item with idempotency key '{item.IdempotencyKey}' of {item.SystemKey} conflicted on insert but was not found.");
        }
        return new InboxAcceptance(reader.GetInt64(0), true, DifferentPayload: !reader.GetBoolean(1));
    }

    public long Insert(ErrorQueueItem item, DbTransaction transaction) => _errors.AddInbound(item, transaction);

    public void Dispose()
    {
        _insertInbox.Dispose();
        _findInbox.Dispose();
        _errors.Dispose();
        _db.Dispose();
    }
}
