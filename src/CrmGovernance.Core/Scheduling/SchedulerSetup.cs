using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects.Sqlite;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CrmGovernance.Core.Scheduling;

/// <summary>Quartz in-process with the persistent SQLite job store, and the jobs the portal runs.</summary>
public static class SchedulerSetup
{
    public static readonly TriggerKey AuditVerificationTrigger = new("audit-chain-verification-nightly", "audit");
    public static readonly TriggerKey AuditIncrementalVerificationTrigger = new("audit-chain-verification-incremental", "audit");

    public static IServiceCollection AddCrmScheduler(this IServiceCollection services, SchedulerOptions options, string contentRoot)
    {
        var path = Path.GetFullPath(options.DatabasePath, contentRoot);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
        OwnerOnly.CreateEmptyFile(path);
        var connectionString = $"Data Source={path};Pooling=True;Default Timeout=5";
        SqliteFiles.UseWriteAheadLog(connectionString);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "CrmGovernance");
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(connectionString);
                store.UseSystemTextJsonSerializer(_ => { });
                store.ProvisionSchema();
            });
            q.AddJob<AuditVerificationJob>(j => j.WithIdentity(AuditVerificationJob.Key).StoreDurably().WithDescription("Walks the audit hash chain"));
            q.AddTrigger(t => t.ForJob(AuditVerificationJob.Key).WithIdentity(AuditVerificationTrigger)
                .WithCronSchedule(options.AuditVerificationCron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJob<AuditIncrementalVerificationJob>(j => j.WithIdentity(AuditIncrementalVerificationJob.Key).StoreDurably()
                .WithDescription("Verifies the audit chain from the latest checkpoint and signs a new one"));
            q.AddTrigger(t => t.ForJob(AuditIncrementalVerificationJob.Key).WithIdentity(AuditIncrementalVerificationTrigger).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(options.AuditIncrementalVerifyMinutes)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.Configure<QuartzOptions>(q =>
        {
            // Stored jobs and triggers survive restarts; the reconciler below applies a changed cron explicitly.
            q.Scheduling.IgnoreDuplicates = true;
            q.Scheduling.OverwriteExistingData = false;
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleReconciler>();
        return services;
    }
}
