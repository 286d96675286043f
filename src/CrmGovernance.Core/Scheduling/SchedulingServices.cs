using CrmGovernance.Core.Data;
using CrmGovernance.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CrmGovernance.Core.Scheduling;

/// <summary>Quartz in-process with the persistent SQLite job store, running the jobs the features declared.</summary>
public static class SchedulingServices
{
    /// <summary>Declares a job and its trigger; the scheduler (registered last) runs it in hosts that run background work.</summary>
    public static IServiceCollection AddScheduledJob(this IServiceCollection services, ScheduledJob job) => services.AddSingleton(job);

    /// <summary>Registered after every feature: it reads the jobs they declared. The command line runs no scheduler (a second
    /// scheduler on the portal's job store would fire the portal's jobs from that process too).</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, CoreHost host)
    {
        services.AddOptions<SchedulerOptions>().Bind(host.Configuration.GetSection(SchedulerOptions.Section)).ValidateDataAnnotations()
            .Validate(o => CronExpression.TryParse(o.AuditVerificationCron, out _), "Scheduler:AuditVerificationCron is not a valid Quartz cron expression.")
            .ValidateOnStart();
        if (host.Role == HostRole.CommandLine)
        {
            return services;
        }
        var options = host.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var store = new SchedulerStore(Path.GetFullPath(options.DatabasePath, host.ContentRoot));
        var jobs = services.Where(d => d.ServiceType == typeof(ScheduledJob)).Select(d => (ScheduledJob)d.ImplementationInstance!).ToList();
        services.AddSingleton(store);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "CrmGovernance");
            q.UsePersistentStore(s =>
            {
                s.UseSqlite(store.ConnectionString);
                s.UseSystemTextJsonSerializer(_ => { });
                s.ProvisionSchema();
            });
            foreach (var job in jobs)
            {
                job.Declare(q);
            }
        });
        services.Configure<QuartzOptions>(q =>
        {
            // Stored jobs and triggers survive restarts; the reconciler below applies a changed schedule explicitly.
            q.Scheduling.IgnoreDuplicates = true;
            q.Scheduling.OverwriteExistingData = false;
        });
        // Before anything asks for the scheduler: the store's file, owner-only, in WAL mode.
        services.AddScoped<IStartupStep, SchedulerStoreInitializer>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleReconciler>();
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        return services;
    }
}
