using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data.Dialects;

/// <summary>
/// Everything the portal database needs beyond LINQ, for one engine (ADR 0005): bulk statements that run thousands of
/// rows a second, full-text search, pragmas and triggers. Features ask the context for it
/// (<see cref="PortalDialects.Dialect"/>) and never hold SQL text of their own. A new engine is one class per group.
/// </summary>
public interface IPortalSqlDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>The engine's name in telemetry (OpenTelemetry's <c>db.system</c>: "sqlite", "postgresql").</summary>
    string TelemetryName { get; }

    /// <summary>Points EF Core at this engine: provider, migrations assembly, what every new connection must set.</summary>
    DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string contentRoot);

    /// <summary>A parameter value as EF Core stores it in this engine (SQLite: a Guid as upper-case text; null as DBNull).</summary>
    object Value(object? value);

    /// <summary>
    /// <paramref name="text"/> as the engine's <c>upper()</c> writes it, for case-blind LIKE patterns (<c>upper(column) LIKE pattern</c>):
    /// SQLite upper-cases ASCII letters only, PostgreSQL every letter.
    /// </summary>
    string Upper(string text);

    /// <summary>Whether a batch's statements are compiled before their first values (SQLite); engines that prepare by themselves say no.</summary>
    bool PreparesExplicitly { get; }

    ISessionSettings Session { get; }

    ISyncBatchStatements SyncBatch { get; }

    IErrorQueueStatements ErrorQueue { get; }

    IOutboxStatements Outbox { get; }

    IInboxStatements Inbox { get; }

    IMatchIndexStatements MatchIndex { get; }

    IScanPairStatements ScanPairs { get; }

    IInsightsStatements Insights { get; }

    IAuditSearchQueries AuditSearch { get; }

    IAuditTriggerStatements AuditTriggers { get; }

    /// <summary>Locks shared by every process on the database (ADR 0019).</summary>
    IDatabaseLocks Locks { get; }

    /// <summary>The place Quartz's store goes in, made ready before Quartz opens it (ADR 0006, 0019).</summary>
    ISchedulerStoreStatements SchedulerStore { get; }
}
