using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CrmGovernance.Core.Data.Dialects;

/// <summary>Engine settings of the portal database and of its connections (SQLite: pragmas); a no-op where an engine has none.</summary>
public interface ISessionSettings
{
    /// <summary>Before the migrations run, so a new database is created with the right file mode.</summary>
    void BeforeMigrate(DatabaseFacade database);

    /// <summary>Once the schema is current: settings stored in the database itself.</summary>
    Task AfterMigrateAsync(DatabaseFacade database, CancellationToken ct);

    /// <summary>
    /// Before a run records a batch on the open connection: the batch can be replayed from the source, so its commit
    /// need not wait for the disk. <see cref="EndBulkWriteAsync"/> restores the defaults before the connection goes back to the pool.
    /// </summary>
    Task BeginBulkWriteAsync(DatabaseFacade database, CancellationToken ct);

    Task EndBulkWriteAsync(DatabaseFacade database, CancellationToken ct);

    /// <summary>Every commit on the open connection is on disk before it returns (the inbox answers only after it).</summary>
    void UseDurableCommits(DatabaseFacade database);

    /// <summary>Moves committed pages from the write-ahead log into the database file without waiting for readers.</summary>
    void Checkpoint(DatabaseFacade database);
}
