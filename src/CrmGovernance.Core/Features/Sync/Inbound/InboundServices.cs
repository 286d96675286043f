using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Sync.Inbound;

public static class InboundServices
{
    public static IServiceCollection AddInbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InboxSignal>();
        return services;
    }
}
