using CrmGovernance.Core.Features.Sync.ErrorQueue;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Sync.Runs;

public static class MonitoringServices
{
    /// <summary>The queries behind the runs pages and the error queue.</summary>
    public static IServiceCollection AddSyncMonitoring(this IServiceCollection services)
    {
        services.AddScoped<SyncRunQueries>();
        services.AddScoped<InboxRecordTrail>();
        services.AddScoped<ErrorQueueService>();
        return services;
    }
}
