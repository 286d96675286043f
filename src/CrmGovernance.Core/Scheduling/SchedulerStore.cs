using CrmGovernance.Core.Data;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// Where Quartz keeps its jobs: a SQLite file of its own (Scheduler:DatabasePath), or on PostgreSQL the portal database
/// itself, in a schema of its own (Scheduler:PostgresSchema), clustered.
/// </summary>
public sealed record SchedulerStore(DatabaseProvider Provider, string ConnectionString, string? Path, string? Schema)
{
    public static SchedulerStore For(DatabaseOptions database, SchedulerOptions options, string contentRoot) => database.Provider switch
    {
        DatabaseProvider.Postgres => new(DatabaseProvider.Postgres, database.ConnectionString ?? "", null, options.PostgresSchema),
        _ => Sqlite(System.IO.Path.GetFullPath(options.DatabasePath, contentRoot)),
    };

    public static SchedulerStore Sqlite(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True;Default Timeout=5", path, null);

    /// <summary>Only PostgreSQL: Quartz refuses clustering on SQLite.</summary>
    public bool Clustered => Provider == DatabaseProvider.Postgres;

    /// <summary>Quartz's table prefix: schema-qualified on PostgreSQL (Quartz strips the schema from index names).</summary>
    public string TablePrefix => Schema is null ? "QRTZ_" : $"{Schema}.qrtz_";
}
