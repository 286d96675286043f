using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmGovernance.Core.Events;

/// <summary>Notifies <see cref="OperationsEventSignal"/> once a save or transaction that carried an event has committed.</summary>
public sealed class OutboxCommitInterceptor(OperationsEventSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction, eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(transaction, eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Saved(SaveChangesCompletedEventData eventData)
    {
        // Inside a transaction the event is not visible yet: the commit notifies.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && OperationsOutbox.TakePending(context))
        {
            signal.Notify();
        }
    }

    private void Committed(DbTransaction transaction, TransactionEndEventData eventData)
    {
        var carried = OperationsOutbox.TakePending(transaction) | (eventData.Context is { } context && OperationsOutbox.TakePending(context));
        if (carried)
        {
            signal.Notify();
        }
    }

    private static void RolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        OperationsOutbox.TakePending(transaction);
        if (eventData.Context is { } context)
        {
            OperationsOutbox.TakePending(context);
        }
    }
}
