using CrmGovernance.Core.Data.Dialects;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data;

/// <summary>
/// Runs work that must not overlap anywhere: first behind the process's own gate (cheap, and all SQLite needs), then behind
/// the database lock every process on the database shares (ADR 0019).
/// </summary>
public static class DatabaseGate
{
    public static async Task<T> RunAsync<T>(IDbContextFactory<CrmDbContext> contexts, SemaphoreSlim processGate, DatabaseLock name,
        Func<Task<T>> action, CancellationToken cancellationToken, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(processGate);
        ArgumentNullException.ThrowIfNull(action);
        await processGate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var held = await db.Database.Dialect().Locks.HoldAsync(db.Database, name, key, cancellationToken);
            return await action();
        }
        finally
        {
            processGate.Release();
        }
    }
}
