using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Incidents.Clocks;
using CrmGovernance.Core.Features.Incidents.Ownership;
using CrmGovernance.Core.Features.Incidents.Triggers;
using CrmGovernance.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CrmGovernance.Core.Features.Incidents;

public static class IncidentsServices
{
    /// <summary>
    /// Incidents: the recorder every trigger hands occurrences to, the queries for pages and the read API. Triggers
    /// subscribe to operations events; nothing in the sync engine calls this feature. The watch job (every minute)
    /// looks for what no event announces and runs the clocks.
    /// </summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddSingleton<IncidentRecorder>();
        services.AddScoped<IncidentQueries>();

        services.AddSingleton<IncidentRecovery>();
        services.AddSingleton<RunFinishedTrigger>();
        services.AddSingleton<ErrorQueueTrigger>();
        services.AddSingleton<AuditChainTrigger>();
        services.AddSingleton<DuplicateSpikeTrigger>();
        services.AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<RunFinishedTrigger>());
        services.AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<ErrorQueueTrigger>());
        services.AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<AuditChainTrigger>());
        services.AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<DuplicateSpikeTrigger>());

        services.AddSingleton<FlowActivation>();
        services.AddSingleton<IncidentWatch>();
        services.AddScheduledJob(WatchJob());
        services.AddScoped<OwnershipView>();
        services.AddScoped<FlowHealth>();
        // Working incidents, their figures and health (issue 15 points 3-5, 9).
        services.AddScoped<IncidentService>();
        services.AddScoped<IncidentMetrics>();
        services.AddHealthChecks().AddCheck<IncidentHealthCheck>("incidents");
        return services;
    }

    private static ScheduledJob WatchJob() => new("incident watch",
        q =>
        {
            q.AddJob<IncidentWatchJob>(j => j.WithIdentity(IncidentWatchJob.Key).StoreDurably()
                .WithDescription("Silent flows, volume drops, overdue reviews, incident clocks, escalation and expiry"));
            q.AddTrigger(t => t.ForJob(IncidentWatchJob.Key).WithIdentity(IncidentWatchJob.Trigger).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(IncidentWatchJob.Interval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        },
        IncidentWatchJob.Trigger,
        _ => null);
}
