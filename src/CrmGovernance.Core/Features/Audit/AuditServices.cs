using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit.Export.Jobs;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit.Reports;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CrmGovernance.Core.Features.Audit;

public static class AuditServices
{
    public static readonly TriggerKey NightlyVerificationTrigger = new("audit-chain-verification-nightly", "audit");
    public static readonly TriggerKey IncrementalVerificationTrigger = new("audit-chain-verification-incremental", "audit");

    /// <summary>
    /// The audit trail: the one writer of audit rows (<see cref="IAuditTrail"/> and the interceptor that seals entity
    /// changes into the hash chain), the log, verification (nightly and incremental jobs), exports and reports.
    /// </summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, CoreHost host)
    {
        services.AddSingleton<AuditChainLock>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<AuditInterceptor>());
        services.AddAuditChain(host.Configuration, host.ContentRoot, host.DataFolder);
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditVerificationService>();
        services.AddScoped<AuditVerificationRequests>();
        services.AddScoped<AuditExporter>();
        services.AddScoped<ChangeRequestReport>();
        services.AddAuditExportJobs(host.Configuration, host.DataFolder);
        services.AddHealthChecks().AddCheck<AuditChainHealthCheck>("auditChain");

        var schedule = host.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddScheduledJob(NightlyVerification(schedule.AuditVerificationCron));
        services.AddScheduledJob(IncrementalVerification(TimeSpan.FromMinutes(schedule.AuditIncrementalVerifyMinutes)));
        return services;
    }

    /// <summary>The nightly walk of the whole chain (Scheduler:AuditVerificationCron, UTC); "Verify now" triggers it too.</summary>
    private static ScheduledJob NightlyVerification(string cron) => ScheduledJob.Cron<AuditVerificationJob>("audit chain verification", AuditVerificationJob.Key,
        NightlyVerificationTrigger, "Walks the audit hash chain", cron);

    /// <summary>From the witness's latest checkpoint to the head, every few minutes (Scheduler:AuditIncrementalVerifyMinutes).</summary>
    private static ScheduledJob IncrementalVerification(TimeSpan interval) => new("incremental audit chain verification",
        q =>
        {
            q.AddJob<AuditIncrementalVerificationJob>(j => j.WithIdentity(AuditIncrementalVerificationJob.Key).StoreDurably()
                .WithDescription("Verifies the audit chain from the latest checkpoint and signs a new one"));
            q.AddTrigger(t => t.ForJob(AuditIncrementalVerificationJob.Key).WithIdentity(IncrementalVerificationTrigger).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        },
        IncrementalVerificationTrigger,
        stored => stored is ISimpleTrigger current && current.RepeatInterval != interval
            ? current.GetTriggerBuilder().StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build()
            : null);
}
