using Microsoft.EntityFrameworkCore;
using CrmGovernance.Core.Data.Dialects;
using Npgsql;

namespace CrmGovernance.Core.Data.Copy;

/// <summary>
/// Contexts on the PostgreSQL database an installation is copied into, configured as the portal will be once
/// <c>Database:Provider</c> is Postgres, but without the portal's interceptors: the copy writes with COPY, never through EF.
/// </summary>
public sealed class CopyTargetContexts : IDbContextFactory<CrmDbContext>
{
    private readonly DbContextOptions<CrmDbContext> _options;

    public CopyTargetContexts(string connectionString)
    {
        ConnectionString = connectionString;
        // The end of a COPY of millions of rows can take longer than Npgsql's default of 30 s (left as it is when set otherwise).
        var copyConnection = new NpgsqlConnectionStringBuilder(connectionString);
        if (copyConnection.CommandTimeout == 30)
        {
            copyConnection.CommandTimeout = 600;
        }
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        PortalDialects.Postgres.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = copyConnection.ConnectionString }, "");
        _options = builder.Options;
    }

    public string ConnectionString { get; }

    /// <summary>The connection string without its password, to print.</summary>
    public string Redacted => Redact(ConnectionString);

    public CrmDbContext CreateDbContext() => new(_options);

    public static string Redact(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            builder.Password = "********";
        }
        return builder.ConnectionString;
    }
}
