using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Hosting.Telemetry;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Events;

public static class OperationsEventsServices
{
    /// <summary>
    /// What every process needs to raise events: the settings, the commit signal and its interceptor (one of the DbContext's
    /// interceptors); in the portal, also their delivery to subscribers. Processes that only write (crmgov) leave delivery
    /// to the portal, which reads their events from the outbox.
    /// </summary>
    public static IServiceCollection AddOperationsEvents(this IServiceCollection services, CoreHost host)
    {
        services.AddOptions<OperationsEventsOptions>().Bind(host.Configuration.GetSection(OperationsEventsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OperationsEventSignal>();
        services.TryAddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<OutboxCommitInterceptor>());
        services.AddSingleton<IQueueDepthSource, OperationsEventsLag>();
        if (host.Role == HostRole.Portal)
        {
            // Every node delivers the events each node must see (live screens); only nodes that run the worker deliver
            // to the shared subscribers (incidents, notifications, insights), which keep one position for all nodes.
            services.AddOperationsEventDelivery(sharedSubscribers: host.RunsWorker);
        }
        return services;
    }

    /// <summary>
    /// The portal's side: the dispatcher as a hosted service and the live screens' broadcaster as a subscriber. Without
    /// <paramref name="sharedSubscribers"/> (a portal-only node) it delivers only to subscribers of
    /// <see cref="IOperationsEventSubscriber.EveryNode"/>.
    /// </summary>
    public static IServiceCollection AddOperationsEventDelivery(this IServiceCollection services, bool sharedSubscribers = true)
    {
        services.TryAddSingleton<OperationsEventBroadcaster>();
        services.AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<OperationsEventBroadcaster>());
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<OperationsEventDispatcher>(sp,
            sp.GetServices<IOperationsEventSubscriber>().Where(s => sharedSubscribers || s.EveryNode).ToList()));
        services.AddHostedService(sp => sp.GetRequiredService<OperationsEventDispatcher>());
        return services;
    }
}
