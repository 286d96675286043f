using CrmGovernance.Core.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Sync.Inbound;

public static class InboundServices
{
    /// <summary>The inbox: options, the key cache, the group-commit writer, the signal and the key administration.</summary>
    public static IServiceCollection AddInbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboundOptions>().Bind(configuration.GetSection(InboundOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.MaxStoredBytes >= o.MaxBodyBytes, "Inbound:MaxStoredBytes must be at least Inbound:MaxBodyBytes.")
            .ValidateOnStart();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboundKeyCache>();
        services.AddSingleton<InboundKeyFollower>();
        services.AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<InboundKeyFollower>());
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddScoped<InboundKeyService>();
        return services;
    }
}
