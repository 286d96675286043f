using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CrmGovernance.Core.Data.Dialects.Sqlite;

/// <summary>
/// Nothing to take: SQLite lets one writer at a time into the file, and one portal process owns the file, whose in-process
/// gates order the writers that read before they write.
/// </summary>
internal sealed class SqliteLocks : IDatabaseLocks
{
    public bool OrderProcesses => false;

    public Task TakeAsync(DatabaseFacade database, DatabaseLock name, string? key = null, CancellationToken ct = default) => Task.CompletedTask;

    public void Take(DatabaseFacade database, DatabaseLock name, string? key = null)
    {
    }

    public Task<IAsyncDisposable> HoldAsync(DatabaseFacade database, DatabaseLock name, string? key = null, CancellationToken ct = default) =>
        Task.FromResult<IAsyncDisposable>(Nothing.Instance);

    public Task<IAsyncDisposable?> TryHoldAsync(DatabaseFacade database, DatabaseLock name, string? key = null, CancellationToken ct = default) =>
        Task.FromResult<IAsyncDisposable?>(Nothing.Instance);

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
