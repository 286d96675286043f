using System.Runtime.CompilerServices;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Writes one audit row per insert, update and delete of an audited entity, in the same SaveChanges as the
/// change itself, and seals every new audit row into the hash chain with the chain key. Audit rows can only be added.
/// </summary>
public sealed class AuditInterceptor(AuditChainLock chainLock, TimeProvider clock, AuditChainKey key) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _holders = [];

    // Rows this interceptor generated for a save that has not succeeded yet: a retry replaces them.
    private readonly ConditionalWeakTable<DbContext, List<AuditEntry>> _generated = [];

    private readonly AuditChainTransactions _database = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Prepare(eventData.Context) is { } context)
        {
            chainLock.Wait();
            _holders.AddOrUpdate(context, this);
            Guard(context, () =>
            {
                _database.Enter(context);
                Seal(context, Head(context.AuditEntries.AsNoTracking()));
            });
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Prepare(eventData.Context) is { } context)
        {
            await chainLock.WaitAsync(cancellationToken);
            _holders.AddOrUpdate(context, this);
            ChainHead? head = null;
            try
            {
                await _database.EnterAsync(context, cancellationToken);
                head = await context.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Select(e => new ChainHead(e.Sequence, e.Hash, e.TimeUtc)).FirstOrDefaultAsync(cancellationToken);
            }
            catch
            {
                Release(context);
                throw;
            }
            Guard(context, () => Seal(context, head));
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        try
        {
            if (eventData.Context is { } context && _holders.TryGetValue(context, out _))
            {
                _database.Complete(context);
            }
        }
        finally
        {
            Completed(eventData.Context);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        try
        {
            if (eventData.Context is { } context && _holders.TryGetValue(context, out _))
            {
                await _database.CompleteAsync(context, cancellationToken);
            }
        }
        finally
        {
            Completed(eventData.Context);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // EF reports optimistic-concurrency failures here instead of SaveChangesFailed.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Adds rows for audited changes; returns the context when there are audit rows to seal.</summary>
    private CrmDbContext? Prepare(DbContext? dbContext)
    {
        if (dbContext is not CrmDbContext context)
        {
            return null;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Metadata.IsAppendOnly())
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} rows are append-only: they cannot be changed or deleted.");
            }
        }

        if (_generated.TryGetValue(context, out var stale))
        {
            foreach (var row in stale)
            {
                context.Entry(row).State = EntityState.Detached;
            }
        }
        var rows = AuditChangeCollector.Collect(context, context.Actor, clock.GetUtcNow().UtcDateTime);
        context.AuditEntries.AddRange(rows);
        _generated.AddOrUpdate(context, rows);
        return context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added) ? context : null;
    }

    private void Guard(DbContext context, Action action)
    {
        try
        {
            action();
        }
        catch
        {
            Release(context);
            throw;
        }
    }

    private void Seal(CrmDbContext context, ChainHead? previous)
    {
        var head = previous ?? new ChainHead(0, AuditHasher.GenesisHash, DateTime.MinValue);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            var row = entry.Entity;
            AuditColumnWidths.Fit(entry);
            row.Sequence = head.Sequence + 1;
            if (row.TimeUtc == default)
            {
                row.TimeUtc = now;
            }

            // Time never goes backwards along the chain, so a time range is a sequence range (AuditLogQuery).
            if (row.TimeUtc < head.TimeUtc)
            {
                row.TimeUtc = head.TimeUtc;
            }
            row.PreviousHash = head.Hash;
            row.Hash = key.Seal(row, head.Hash);
            head = new ChainHead(row.Sequence, row.Hash, row.TimeUtc);
        }
    }

    private static ChainHead? Head(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.Sequence).Select(e => new ChainHead(e.Sequence, e.Hash, e.TimeUtc)).FirstOrDefault();

    private void Completed(DbContext? context)
    {
        if (context is not null)
        {
            _generated.Remove(context);
        }
        Release(context);
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.Remove(context))
        {
            _database.Abandon(context);
            chainLock.Release();
        }
    }

    private sealed record ChainHead(long Sequence, string Hash, DateTime TimeUtc);
}
