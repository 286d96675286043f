using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmGovernance.Core.Data.Dialects.Postgres;

/// <summary>
/// The portal database on a PostgreSQL server (ADR 0019): several portal instances and workers share it, so what one
/// process guarded in memory is guarded by the database (advisory locks, <see cref="PostgresLocks"/>).
/// </summary>
internal sealed class PostgresPortalDialect : IPortalSqlDialect
{
    /// <summary>EF Core's name of the Npgsql provider.</summary>
    public const string ProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public const string MigrationsAssembly = "CrmGovernance.Migrations.Postgres";

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string TelemetryName => "postgresql";

    // Npgsql prepares the statements a connection runs often by itself (Max Auto Prepare below); preparing by hand
    // would fix parameter types before the first values are bound.
    public bool PreparesExplicitly => false;

    // A UTF-8 database's upper() changes every letter, as .NET's invariant upper-casing does.
    public string Upper(string text) => text.ToUpperInvariant();

    public ISessionSettings Session { get; } = new PostgresSessionSettings();

    public ISyncBatchStatements SyncBatch { get; } = new PostgresSyncBatchStatements();

    public IErrorQueueStatements ErrorQueue { get; } = new PostgresErrorQueueStatements();

    public IOutboxStatements Outbox { get; } = new PostgresOutboxStatements();

    public IInboxStatements Inbox { get; } = new PostgresInboxStatements();

    public IMatchIndexStatements MatchIndex { get; } = new PostgresMatchIndexStatements();

    public IScanPairStatements ScanPairs { get; } = new PostgresScanPairStatements();

    public IInsightsStatements Insights { get; } = new PostgresInsightsStatements();

    public IAuditSearchQueries AuditSearch { get; } = new PostgresAuditSearch();

    public IAuditTriggerStatements AuditTriggers { get; } = new PostgresAuditTriggers();

    public IDatabaseLocks Locks { get; } = new PostgresLocks();

    public ISchedulerStoreStatements SchedulerStore { get; } = new PostgresSchedulerStore();

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string contentRoot) =>
        builder.UseNpgsql(ConnectionString(options.ConnectionString), npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    /// <summary>The operator's connection string with the settings the portal relies on added where the operator set none.</summary>
    public static string ConnectionString(string? configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "CrmGovernance";
        }
        return builder.ConnectionString;
    }

    public object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime t => Utc(t),
        _ => value,
    };

    /// <summary>timestamptz takes UTC only; the ledger's times are UTC whatever kind a caller left on them.</summary>
    public static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Unspecified => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => t,
    };
}
