using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Sync.Connectors;

public static class ConnectorServices
{
    public static IServiceCollection AddSyncConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
