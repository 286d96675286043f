using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data.KeyEncryption;
using CrmGovernance.Core.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Data;

public static class DataServices
{
    public const string MigrationsAssembly = Dialects.Sqlite.SqlitePortalDialect.MigrationsAssembly;

    public const string PostgresMigrationsAssembly = Dialects.Postgres.PostgresPortalDialect.MigrationsAssembly;

    /// <summary>
    /// The portal database: its options, the one DbContext (one per operation, ADR 0003) with the interceptors features
    /// register as <see cref="IInterceptor"/> (the audit trail's), the Data Protection key ring in it, and the initializer
    /// that migrates it at start and then runs the features' <see cref="IStartupStep"/>s.
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services, CoreHost host)
    {
        // First hosted service: the schema must exist before Data Protection loads its key ring and before anything else starts.
        services.AddHostedService<DatabaseInitializer>();
        services.AddOptions<DatabaseOptions>().Bind(host.Configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        // Cookies, antiforgery tokens and system secrets survive restarts: the key ring lives in the database, encrypted
        // with a key-encryption key kept outside it (ADR 0010). Configured certificates are read here: Data Protection
        // takes them at registration only; the key file itself is read or created on first use.
        services.AddDataProtection().SetApplicationName("CrmGovernance").PersistKeysToDbContext<CrmDbContext>()
            .ProtectKeysWithConfiguredKek(host.Configuration, host.ContentRoot, host.DataFolder);

        var database = host.Database;
        // The provider (Database:Provider) chosen once: its EF configuration, session settings and raw statements (ADR 0005).
        var dialect = PortalDialects.For(database.Provider);
        services.AddDbContext<CrmDbContext>((sp, o) => dialect.Configure(o, database, host.ContentRoot)
                .AddInterceptors(sp.GetServices<IInterceptor>()),
            ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddScoped<IDbContextFactory<CrmDbContext>, CrmDbContextFactory>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
