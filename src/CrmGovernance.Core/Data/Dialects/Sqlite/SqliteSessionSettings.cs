using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data.Dialects.Sqlite;

/// <summary>The portal database's pragmas, other than the per-connection ones of <see cref="SqliteConnectionInterceptor"/>.</summary>
internal sealed class SqliteSessionSettings : ISessionSettings
{
    public void BeforeMigrate(DatabaseFacade database)
    {
        if (database.GetDbConnection().DataSource is { Length: > 0 } file && file != ":memory:")
        {
            // Created owner-only before SQLite creates it (0644); its -wal and -shm files take the database file's mode.
            OwnerOnly.CreateEmptyFile(file);
        }
    }

    // WAL: readers no longer block the writer. The mode is stored in the file.
    public Task AfterMigrateAsync(DatabaseFacade database, CancellationToken ct) =>
        database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

    // WAL keeps NORMAL's commits safe from a crash of the process; a bigger cache and map, and fewer checkpoints, for a run's thousands of rows.
    public Task BeginBulkWriteAsync(DatabaseFacade database, CancellationToken ct) =>
        database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456; PRAGMA wal_autocheckpoint = 10000;", ct);

    public Task EndBulkWriteAsync(DatabaseFacade database, CancellationToken ct) =>
        database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 1000;", ct);

    // FULL whatever the build's default.
    public void UseDurableCommits(DatabaseFacade database) => database.ExecuteSqlRaw("PRAGMA synchronous = FULL;");

    public void Checkpoint(DatabaseFacade database) => database.ExecuteSqlRaw("PRAGMA wal_checkpoint(PASSIVE);");
}
