using CrmGovernance.Core.Data;
using CrmGovernance.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// Quartz in-process with a persistent job store (SQLite file, or clustered on PostgreSQL), running the jobs the features
/// declared on the nodes that run the worker.
/// </summary>
public static class SchedulingServices
{
    /// <summary>Declares a job and its trigger; the scheduler (registered last) runs it in hosts that run background work.</summary>
    public static IServiceCollection AddScheduledJob(this IServiceCollection services, ScheduledJob job) => services.AddSingleton(job);

    /// <summary>
    /// Registered after every feature: it reads the jobs they declared. The command line runs no scheduler (a second
    /// scheduler on the portal's job store would fire the portal's jobs from that process too). A portal-only node
    /// (Node:Role = Portal) has the store but never starts the scheduler: it only writes to it ("verify now", a changed
    /// schedule), and the worker nodes fire the jobs.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, CoreHost host)
    {
        services.AddOptions<SchedulerOptions>().Bind(host.Configuration.GetSection(SchedulerOptions.Section)).ValidateDataAnnotations()
            .Validate(o => CronExpression.TryParse(o.AuditVerificationCron, out _), "Scheduler:AuditVerificationCron is not a valid Quartz cron expression.")
            .ValidateOnStart();
        services.AddOptions<SchedulerClusterOptions>().Bind(host.Configuration.GetSection($"{SchedulerOptions.Section}:Cluster")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NodeOptions>().Bind(host.Configuration.GetSection(NodeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RunningWork>();
        if (host.Role == HostRole.CommandLine)
        {
            return services;
        }
        var options = host.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var store = SchedulerStore.For(host.Database, options, host.ContentRoot);
        var jobs = services.Where(d => d.ServiceType == typeof(ScheduledJob)).Select(d => (ScheduledJob)d.ImplementationInstance!).ToList();
        services.AddSingleton(store);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerStoreSetup.InstanceName;
                o.IdleWaitTime = TimeSpan.FromSeconds(options.IdleWaitSeconds);
            });
            q.UsePersistentStore(s => SchedulerStoreSetup.Configure(s, store, options.Cluster));
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
        // Before anything asks for the scheduler: the SQLite file (owner-only, WAL) or the PostgreSQL schema.
        services.AddScoped<IStartupStep, SchedulerStoreInitializer>();
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        if (!host.RunsWorker)
        {
            return services;
        }
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleReconciler>();
        return services;
    }
}
