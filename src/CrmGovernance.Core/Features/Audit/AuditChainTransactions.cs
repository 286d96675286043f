using System.Runtime.CompilerServices;
using CrmGovernance.Core.Data.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// The audit chain across processes (ADR 0019): where the engine has database locks (PostgreSQL), a save that appends audit
/// rows reads the chain's head and inserts after it inside one transaction holding the chain lock, so two nodes never
/// append after the same head. A save already in a caller's transaction takes the lock there (held to the caller's
/// commit); otherwise the save gets a transaction of its own, committed when the save succeeds. An engine whose locks do
/// not order processes (<see cref="IDatabaseLocks.OrderProcesses"/>: SQLite, one process owns the file) needs none of this:
/// the in-process <see cref="AuditChainLock"/> orders its writers.
/// </summary>
internal sealed class AuditChainTransactions
{
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _owned = [];

    public async Task EnterAsync(DbContext context, CancellationToken cancellationToken)
    {
        var dialect = context.Database.Dialect();
        if (!dialect.Locks.OrderProcesses)
        {
            return;
        }
        if (context.Database.CurrentTransaction is null)
        {
            _owned.AddOrUpdate(context, await context.Database.BeginTransactionAsync(cancellationToken));
        }
        await dialect.Locks.TakeAsync(context.Database, DatabaseLock.AuditChain, ct: cancellationToken);
    }

    public void Enter(DbContext context)
    {
        var dialect = context.Database.Dialect();
        if (!dialect.Locks.OrderProcesses)
        {
            return;
        }
        if (context.Database.CurrentTransaction is null)
        {
            _owned.AddOrUpdate(context, context.Database.BeginTransaction());
        }
        dialect.Locks.Take(context.Database, DatabaseLock.AuditChain);
    }

    /// <summary>The save succeeded: commits the transaction this class began for it, which releases the chain lock.</summary>
    public async Task CompleteAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (_owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }

    public void Complete(DbContext context)
    {
        if (_owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            using (transaction)
            {
                transaction.Commit();
            }
        }
    }

    /// <summary>The save failed or was cancelled: rolls back the transaction this class began for it.</summary>
    public void Abandon(DbContext context)
    {
        if (_owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            transaction.Dispose();
        }
    }
}
