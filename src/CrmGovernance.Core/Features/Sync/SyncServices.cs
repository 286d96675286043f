using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Hosting;
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
        if (host.Role != HostRole.CommandLine)
        {
            // The command line runs one flow on request and never schedules flows, whatever Sync:Worker says.
            services.AddHostedService(sp => sp.GetRequiredService<FlowScheduler>());
        }
        return services;
    }
}
