using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data.Dialects.Sqlite;

/// <summary>The portal database on an embedded SQLite file (WAL, one writer at a time).</summary>
internal sealed class SqlitePortalDialect : IPortalSqlDialect
{
    /// <summary>EF Core's name of its SQLite provider (what <c>IsSqlite()</c> compares with).</summary>
    public const string ProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    public const string MigrationsAssembly = "CrmGovernance.Migrations.Sqlite";

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string TelemetryName => "sqlite";

    public bool PreparesExplicitly => true;

    // SQLite's upper() changes a to z only: "müller" must stay "MüLLER" to meet upper('Müller').
    public string Upper(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'a' and <= 'z' ? (char)(source[i] - 32) : source[i];
        }
    });

    public ISessionSettings Session { get; } = new SqliteSessionSettings();

    public ISyncBatchStatements SyncBatch { get; } = new SqliteSyncBatchStatements();

    public IErrorQueueStatements ErrorQueue { get; } = new SqliteErrorQueueStatements();

    public IOutboxStatements Outbox { get; } = new SqliteOutboxStatements();

    public IInboxStatements Inbox { get; } = new SqliteInboxStatements();

    public IMatchIndexStatements MatchIndex { get; } = new SqliteMatchIndexStatements();

    public IScanPairStatements ScanPairs { get; } = new SqliteScanPairStatements();

    public IInsightsStatements Insights { get; } = new SqliteInsightsStatements();

    public IAuditSearchQueries AuditSearch { get; } = new SqliteAuditSearch();

    public IAuditTriggerStatements AuditTriggers { get; } = new SqliteAuditTriggers();

    public IDatabaseLocks Locks { get; } = new SqliteLocks();

    public ISchedulerStoreStatements SchedulerStore { get; } = new SqliteSchedulerStore();

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string contentRoot) =>
        builder.UseSqlite(options.SqliteConnectionString(contentRoot), sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
            .AddInterceptors(new SqliteConnectionInterceptor(options.BusyTimeoutMilliseconds));

    public object Value(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        _ => value,
    };
}
