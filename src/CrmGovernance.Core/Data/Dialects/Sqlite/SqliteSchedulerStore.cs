namespace CrmGovernance.Core.Data.Dialects.Sqlite;

/// <summary>Quartz's SQLite file, beside the portal database: owner-only, in WAL.</summary>
internal sealed class SqliteSchedulerStore : ISchedulerStoreStatements
{
    public Task PrepareAsync(string connectionString, string? path, string? schema, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
        OwnerOnly.CreateEmptyFile(path);
        SqliteFiles.UseWriteAheadLog(connectionString);
        return Task.CompletedTask;
    }
}
