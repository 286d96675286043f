using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmGovernance.Core.Events;

public static class OperationsEventsServices
{
    /// <summary>What every process needs to raise events: the commit signal and its interceptor (add it to the DbContext's
    /// interceptors), and the settings.</summary>
    public static IServiceCollection AddOperationsEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperationsEventsOptions>().Bind(configuration.GetSection(OperationsEventsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OperationsEventSignal>();
        services.TryAddSingleton<OutboxCommitInterceptor>();
        return services;
    }

    /// <summary>The portal's side: the dispatcher as a hosted service and the live screens' broadcaster as a subscriber.</summary>
    public static IServiceCollection AddOperationsEventDelivery(this IServiceCollection services)
    {
        services.TryAddSingleton<OperationsEventBroadcaster>();
        services.AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<OperationsEventBroadcaster>());
        services.TryAddSingleton<OperationsEventDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsEventDispatcher>());
        return services;
    }
}
