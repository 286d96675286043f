using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data.Dialects.Postgres;

/// <summary>PostgreSQL keeps its durability per session (<c>synchronous_commit</c>); the server manages its own checkpoints.</summary>
internal sealed class PostgresSessionSettings : ISessionSettings
{
    public void BeforeMigrate(DatabaseFacade database)
    {
    }

    public Task AfterMigrateAsync(DatabaseFacade database, CancellationToken ct) => Task.CompletedTask;

    // A batch can be replayed from the source: its commit need not wait for the WAL flush (a crash loses at most the
    // last moments of commits, never consistency). Reset before the connection goes back to the pool.
    public Task BeginBulkWriteAsync(DatabaseFacade database, CancellationToken ct) =>
        database.ExecuteSqlRawAsync("SET synchronous_commit = off", ct);

    public Task EndBulkWriteAsync(DatabaseFacade database, CancellationToken ct) =>
        database.ExecuteSqlRawAsync("RESET synchronous_commit", ct);

    public void UseDurableCommits(DatabaseFacade database) => database.ExecuteSqlRaw("SET synchronous_commit = on");

    public void Checkpoint(DatabaseFacade database)
    {
    }
}
