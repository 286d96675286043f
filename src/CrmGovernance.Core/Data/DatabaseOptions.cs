using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The database engine; it decides the EF Core provider and the SQL dialect (Data/Dialects). Only SQLite exists today.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Path of the SQLite file; relative paths are under the content root. The folder is created if missing.</summary>
    [Required]
    public string Path { get; set; } = "data/crmgovernance.db";

    /// <summary>How long a connection waits for another writer before failing.</summary>
    [Range(100, 120_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;

    public string ConnectionString(string contentRoot) =>
        $"Data Source={FullPath(contentRoot)};Pooling=True;Default Timeout={Math.Max(1, BusyTimeoutMilliseconds / 1000)}";

    public string FullPath(string contentRoot) =>
        System.IO.Path.GetFullPath(Path, contentRoot);
}
