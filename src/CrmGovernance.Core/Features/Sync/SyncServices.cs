using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Sync;

public static class SyncServices
{
    /// <summary>The inbox, the engine, run monitoring and the error queue; the flow worker in hosts that run background work.</summary>
    public static IServiceCollection AddSync(this IServiceCollection services, CoreHost host)
    {
        services.AddInbound(host.Configuration);
        services.AddSyncMonitoring();
        services.AddOptions<SyncOptions>().Bind(host.Configuration.GetSection(SyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CrosswalkStore>();
        services.AddSingleton<SyncExecutor>();
        services.AddSingleton<TargetChangeFeed>();
        services.AddSingleton<SyncRunner>();
        services.AddSingleton<FlowScheduler>();
        services.AddSingleton<IQueueDepthSource, ErrorQueueDepth>();
        services.AddSingleton<IQueueDepthSource, InboxBacklog>();
        if (host.Role == HostRole.CommandLine)
        {
            // The command line runs one command on request: it is never the worker, whatever Sync:Worker says, so it
            // neither schedules flows nor takes the duplicate scans' and audit exports' queues (their runners ask).
            services.PostConfigure<SyncOptions>(o => o.Worker = false);
        }
        else
        {
            services.AddHostedService(sp => sp.GetRequiredService<FlowScheduler>());
            if (!host.RunsWorker)
            {
                // A portal-only node (Node:Role = Portal) runs flows only when someone asks (Run now, Replay); the worker
                // nodes run the schedule, the inbox and the duplicate scans' and audit exports' queues.
                services.PostConfigure<SyncOptions>(o => o.Worker = false);
            }
        }
        return services;
    }
}
