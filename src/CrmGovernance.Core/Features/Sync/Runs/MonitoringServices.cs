using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Sync.Runs;

public static class MonitoringServices
{
    public static IServiceCollection AddSyncMonitoring(this IServiceCollection services)
    {
        return services;
    }
}
