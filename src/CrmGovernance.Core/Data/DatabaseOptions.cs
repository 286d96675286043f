using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Data;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary>The database engine; it decides the EF Core provider and the SQL dialect (Data/Dialects).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The PostgreSQL server's connection string (Npgsql form); required with <see cref="DatabaseProvider.Postgres"/>, unused on SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Path of the SQLite file; relative paths are under the content root. The folder is created if missing. Its folder is the
    /// data folder (generated keys, exports, mail pickup) on either engine.
    /// </summary>
    [Required]
    public string Path { get; set; } = "data/crmgovernance.db";

    /// <summary>How long a connection waits for another writer before failing.</summary>
    [Range(100, 120_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;

    public string SqliteConnectionString(string contentRoot) =>
        $"Data Source={FullPath(contentRoot)};Pooling=True;Default Timeout={Math.Max(1, BusyTimeoutMilliseconds / 1000)}";

    public string FullPath(string contentRoot) =>
        System.IO.Path.GetFullPath(Path, contentRoot);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Database:Provider is Postgres but Database:ConnectionString is empty.", [nameof(ConnectionString)]);
        }
    }
}
