using System.Data.Common;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Systems.Connectors.Webhook;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>
/// The inbox writer's connection and its prepared statements: raw ADO on the connection EF opened, so no change
/// tracking or context per row. SQLite syntax (RETURNING, ON CONFLICT DO NOTHING; PostgreSQL reads the same apart from
/// the $name parameters).
/// </summary>
internal sealed class InboxStatements : IDisposable
{
    private readonly CrmDbContext _db;
    private readonly DbCommand _insertInbox;
    private readonly DbCommand _findInbox;
    private readonly DbCommand _insertError;

    public InboxStatements(CrmDbContext db)
    {
        _db = db;
        Connection = db.Database.GetDbConnection();
        _insertInbox = Command("""
            INSERT INTO "InboxItems" ("SystemKey", "ObjectKey", "IdempotencyKey", "PayloadJson", "ReceivedUtc")
            VALUES ($system, $object, $idempotency, $payload, $received)
            ON CONFLICT ("SystemKey", "IdempotencyKey") DO NOTHING
            RETURNING "Id"
            """, "$system", "$object", "$idempotency", "$payload", "$received");
        _findInbox = Command("""
            SELECT "Id", "ObjectKey" = $object AND "PayloadJson" = $payload FROM "InboxItems"
            WHERE "SystemKey" = $system AND "IdempotencyKey" = $idempotency
            """, "$system", "$idempotency", "$object", "$payload");
        _insertError = Command("""
            INSERT INTO "ErrorQueueItems" ("Kind", "Status", "SystemKey", "ObjectKey", "Reason", "Payload", "ContentType", "Attempts", "CreatedUtc")
            VALUES ($kind, $status, $system, $object, $reason, $payload, $contentType, $attempts, $created)
            RETURNING "Id"
            """, "$kind", "$status", "$system", "$object", "$reason", "$payload", "$contentType", "$attempts", "$created");
    }

    public DbConnection Connection { get; }

    public InboxAcceptance Insert(InboxItem item, DbTransaction transaction)
    {
        var id = Run(_insertInbox, transaction, item.SystemKey, item.ObjectKey, item.IdempotencyKey, item.PayloadJson, item.ReceivedUtc);
        return id is long inserted ? new InboxAcceptance(inserted, false) : FindEarlier(item, transaction);
    }

    /// <summary>The item stored earlier under the same key; compared by its stored payload, so no hash column is needed.</summary>
    private InboxAcceptance FindEarlier(InboxItem item, DbTransaction transaction)
    {
        Bind(_findInbox, transaction, item.SystemKey, item.IdempotencyKey, item.ObjectKey, item.PayloadJson);
        using var reader = _findInbox.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"The inbox item with idempotency key '{item.IdempotencyKey}' of {item.SystemKey} conflicted on insert but was not found.");
        }
        return new InboxAcceptance(reader.GetInt64(0), true, DifferentPayload: !reader.GetBoolean(1));
    }

    public long Insert(ErrorQueueItem item, DbTransaction transaction) =>
        (long)Run(_insertError, transaction, item.Kind.ToString(), item.Status.ToString(), item.SystemKey, item.ObjectKey,
            item.Reason, item.Payload, item.ContentType, item.Attempts, item.CreatedUtc)!;

    public void Dispose()
    {
        _insertInbox.Dispose();
        _findInbox.Dispose();
        _insertError.Dispose();
        _db.Dispose();
    }

    private DbCommand Command(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static object? Run(DbCommand command, DbTransaction transaction, params object?[] values)
    {
        Bind(command, transaction, values);
        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    private static void Bind(DbCommand command, DbTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
