using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Events;

/// <summary>
/// Raises operations events in the same transaction as the change that causes them: the event exists if and only if
/// the change committed. Three ways in, after what the caller already has open.
/// </summary>
public static class OperationsOutbox
{
    // Transactions and contexts that carry an event not committed yet: OutboxCommitInterceptor wakes the dispatcher when
    // they commit. Weak, so an abandoned one costs nothing.
    private static readonly ConditionalWeakTable<object, object> Pending = [];

    /// <summary>machine/process id/program of this process, stored with each event it raises.</summary>
    public static string Origin { get; } =
        $"{Environment.MachineName}/{Environment.ProcessId}/{Assembly.GetEntryAssembly()?.GetName().Name ?? "unknown"}";

    /// <summary>Adds the event to the context: the next <c>SaveChanges</c> writes it with the other changes (inside the
    /// context's transaction when one is open).</summary>
    public static void Raise(this CrmDbContext db, OperationsEvent e, DateTime occurredUtc)
    {
        db.OperationsEvents.Add(Row(e, occurredUtc));
        Pending.AddOrUpdate(db, e);
    }

    /// <summary>
    /// Writes the event now, inside the context's open transaction (for changes made with <c>ExecuteUpdate</c>); with no
    /// transaction open, in a transaction of its own.
    /// </summary>
    public static async Task RaiseNowAsync(this CrmDbContext db, OperationsEvent e, DateTime occurredUtc, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            await InsertAsync(db.Database.Dialect(), db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), e, occurredUtc, cancellationToken);
            Pending.AddOrUpdate(db, e);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
    }

    /// <summary>Writes the event inside an open raw transaction (the sync engine's batches), with the dialect's statement.</summary>
    public static async Task RaiseAsync(this DbTransaction transaction, IPortalSqlDialect dialect, OperationsEvent e, DateTime occurredUtc,
        CancellationToken cancellationToken)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection: it was committed or rolled back.");
        await InsertAsync(dialect, connection, transaction, e, occurredUtc, cancellationToken);
        Pending.AddOrUpdate(transaction, e);
    }

    /// <summary>The same, for a writer that runs synchronously inside an open raw transaction (the inbox's group commit).</summary>
    public static void Raise(this DbTransaction transaction, IPortalSqlDialect dialect, OperationsEvent e, DateTime occurredUtc)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection: it was committed or rolled back.");
        var row = Row(e, occurredUtc);
        using var command = PortalCommand.Create(dialect, connection, transaction, dialect.Outbox.Insert, prepare: false);
        command.Scalar(transaction, row.Kind, row.PayloadJson, row.OccurredUtc, row.Origin);
        Pending.AddOrUpdate(transaction, e);
    }

    /// <summary>True once for a context or transaction that wrote an event since the last call.</summary>
    internal static bool TakePending(object contextOrTransaction) => Pending.Remove(contextOrTransaction);

    private static OutboxEvent Row(OperationsEvent e, DateTime occurredUtc) => new()
    {
        Kind = e.Kind, PayloadJson = OperationsEventKinds.Serialize(e), OccurredUtc = DateTime.SpecifyKind(occurredUtc, DateTimeKind.Utc), Origin = Origin,
    };

    private static async Task InsertAsync(IPortalSqlDialect dialect, DbConnection connection, DbTransaction transaction, OperationsEvent e,
        DateTime occurredUtc, CancellationToken cancellationToken)
    {
        var row = Row(e, occurredUtc);
        await using var command = PortalCommand.Create(dialect, connection, transaction, dialect.Outbox.Insert, prepare: false);
        await command.ExecuteAsync(cancellationToken, row.Kind, row.PayloadJson, row.OccurredUtc, row.Origin);
    }
}
