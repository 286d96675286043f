using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CrmGovernance.Core.Data.Dialects;

/// <summary>Locks in the database, held until the current transaction commits or rolls back (ADR 0019).</summary>
public interface IDatabaseLocks
{
    /// <summary>
    /// Whether the locks order several processes (PostgreSQL). False where one process owns the database and the
    /// in-process gates order its writers (SQLite): taking and holding then do nothing, and callers need not open a
    /// transaction only to take one.
    /// </summary>
    bool OrderProcesses { get; }

    /// <summary>
    /// Waits for <paramref name="name"/> (narrowed to <paramref name="key"/> when given, e.g. an incident's fold key) inside the
    /// database's current transaction, which the caller must have begun; released when that transaction ends.
    /// </summary>
    Task TakeAsync(DatabaseFacade database, DatabaseLock name, string? key = null, CancellationToken ct = default);

    /// <summary>The same, for callers that run synchronously (EF's synchronous SaveChanges).</summary>
    void Take(DatabaseFacade database, DatabaseLock name, string? key = null);

    /// <summary>
    /// Holds <paramref name="name"/> (and <paramref name="key"/>) on a connection of its own until the returned handle is
    /// disposed: for work that spans several contexts and transactions. A process that dies releases it with its connection.
    /// </summary>
    Task<IAsyncDisposable> HoldAsync(DatabaseFacade database, DatabaseLock name, string? key = null, CancellationToken ct = default);

    /// <summary>As <see cref="HoldAsync"/> without waiting: null when another connection holds it.</summary>
    Task<IAsyncDisposable?> TryHoldAsync(DatabaseFacade database, DatabaseLock name, string? key = null, CancellationToken ct = default);
}
