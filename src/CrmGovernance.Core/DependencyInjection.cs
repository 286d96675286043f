using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.KeyEncryption;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Audit.Export.Jobs;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.Sync;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Health;
using CrmGovernance.Core.Scheduling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core;

public static class DependencyInjection
{
    public const string MigrationsAssembly = "CrmGovernance.Migrations.Sqlite";

    /// <summary>Data, audit trail, users, first run, scheduler and health checks.</summary>
    public static IServiceCollection AddCrmCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // First hosted service: the schema must exist before Data Protection loads its key ring and before the scheduler starts.
        services.AddHostedService<DatabaseInitializer>();
        services.AddDemoSystems();

        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(BootstrapOptions.Section));
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section)).ValidateDataAnnotations()
            .Validate(o => Quartz.CronExpression.TryParse(o.AuditVerificationCron, out _), "Scheduler:AuditVerificationCron is not a valid Quartz cron expression.")
            .ValidateOnStart();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataFolder = Path.GetDirectoryName(database.FullPath(contentRoot))!;
        OwnerOnly.CreateFolder(dataFolder);
        // Cookies, antiforgery tokens and system secrets survive restarts: the key ring lives in the database, encrypted
        // with a key-encryption key kept outside it (ADR 0010).
        services.AddDataProtection().SetApplicationName("CrmGovernance").PersistKeysToDbContext<CrmDbContext>()
            .ProtectKeysWithConfiguredKek(configuration, contentRoot, dataFolder);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditChainLock>();
        services.AddSingleton<AuditInterceptor>();
        services.AddAuditChain(configuration, contentRoot, dataFolder);
        services.AddScoped<ActorContext>();
        services.AddOperationsEvents(configuration);
        services.AddDbContext<CrmDbContext>((sp, o) => o
                .UseSqlite(database.ConnectionString(contentRoot), sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), new SqlitePragmaInterceptor(database.BusyTimeoutMilliseconds),
                    sp.GetRequiredService<OutboxCommitInterceptor>()),
            ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddScoped<IDbContextFactory<CrmDbContext>, CrmDbContextFactory>();


        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditVerificationService>();
        services.AddScoped<AuditVerificationRequests>();
        services.AddScoped<Features.Audit.Export.AuditExporter>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<UserSessionStateReader>();
        services.AddScoped<FirstRunService>();
        services.AddSingleton<PublishedConfiguration>();
        services.AddScoped<ConfigurationSeeder>();
        services.AddScoped<ChangeRequestService>();
        services.AddScoped<ChangeRequestDrafts>();
        services.AddScoped<ChangeRequestReview>();
        services.AddScoped<Features.ChangeControl.Report.ChangeRequestReport>();
        services.AddScoped<VersionHistoryService>();
        services.AddScoped<GovernanceReader>();
        services.AddScoped<Features.Configuration.Yaml.ConfigurationImportService>();
        services.AddScoped<Features.Configuration.Workbook.MappingWorkbookService>();
        services.AddSingleton<Features.Systems.SecretProtector>();
        services.AddScoped<Features.Systems.ConnectedSystemEditor>();

        services.AddCrmSync(configuration);
        services.AddAuditExportJobs(configuration, dataFolder);

        var scheduler = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddCrmScheduler(scheduler, contentRoot);

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<AuditChainHealthCheck>("auditChain");
        return services;
    }
}
