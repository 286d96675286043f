using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Sync;

public static class SyncServices
{
    /// <summary>Connectors, the inbox, the engine and run monitoring.</summary>
    public static IServiceCollection AddCrmSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInbound(configuration);
        services.AddSyncMonitoring();
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CrosswalkStore>();
        services.AddSingleton<SyncExecutor>();
        services.AddSingleton<TargetChangeFeed>();
        services.AddMatchIndex();
        services.AddSingleton<SyncRunner>();
        services.AddSingleton<FlowScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<FlowScheduler>());
        return services;
    }
}
