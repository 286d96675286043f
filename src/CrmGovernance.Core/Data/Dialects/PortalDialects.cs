using CrmGovernance.Core.Data.Dialects.Postgres;
using CrmGovernance.Core.Data.Dialects.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CrmGovernance.Core.Data.Dialects;

/// <summary>
/// The one dialect of each engine. <c>Database:Provider</c> picks the engine once, at registration
/// (<see cref="For"/>); code holding a context gets the dialect of the engine the context runs on (<see cref="Dialect"/>),
/// so the two cannot disagree, and contexts built by hand (tests, the CLI) get it too.
/// </summary>
public static class PortalDialects
{
    public static readonly IPortalSqlDialect Sqlite = new SqlitePortalDialect();

    public static readonly IPortalSqlDialect Postgres = new PostgresPortalDialect();

    public static IPortalSqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.Postgres => Postgres,
        _ => throw new NotSupportedException($"Database:Provider {provider} has no SQL dialect."),
    };

    /// <summary>The dialect of the engine <paramref name="database"/> runs on.</summary>
    public static IPortalSqlDialect Dialect(this DatabaseFacade database) => database.ProviderName switch
    {
        SqlitePortalDialect.ProviderName => Sqlite,
        PostgresPortalDialect.ProviderName => Postgres,
        var other => throw new NotSupportedException($"The portal database has no SQL dialect for the EF Core provider {other}."),
    };
}
