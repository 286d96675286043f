namespace CrmGovernance.Core.Data.Dialects;

/// <summary>
/// What Quartz's persistent store needs before Quartz opens it (ADR 0006, 0019). Quartz creates its tables itself; the
/// place they go in is the engine's: a file of its own on SQLite, a schema of the portal database on PostgreSQL.
/// </summary>
public interface ISchedulerStoreStatements
{
    /// <summary>
    /// SQLite: creates the store's file at <paramref name="path"/> owner-only and switches it to WAL (readers beside the one
    /// writer; the mode is kept in the file). PostgreSQL: creates the schema <paramref name="schema"/> unless it exists,
    /// also when another node creates it at the same moment. Safe to run at every start.
    /// </summary>
    Task PrepareAsync(string connectionString, string? path, string? schema, CancellationToken ct);
}
