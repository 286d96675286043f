using CrmGovernance.Core.Features.Systems.Connectors.Files;
using CrmGovernance.Core.Features.Systems.Connectors.Outbound;
using CrmGovernance.Core.Features.Systems.Connectors.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Systems.Connectors;

public static class ConnectorServices
{
    /// <summary>
    /// The connector factory, what connectors may reach (options "Connectors"), and the resilient HttpClient of the REST
    /// connectors (options "Sync:Http"), which connects only where <see cref="OutboundPolicy"/> allows and never follows a redirect.
    /// </summary>
    public static IServiceCollection AddSystemConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConnectorLimits(configuration);

        services.AddOptions<SyncHttpOptions>()
            .Bind(configuration.GetSection(SyncHttpOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.IsConsistent(out _), "Sync:Http: TotalTimeoutSeconds must be at least AttemptTimeoutSeconds, and BreakerSamplingSeconds at least twice AttemptTimeoutSeconds.")
            .ValidateOnStart();

        // The pipeline's timeouts govern; the client's own 100 s default would cut retries short.
        services.AddHttpClient(RestTransport.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // No system proxy either: a proxy would connect on the portal's behalf, to addresses no one checked.
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, UseProxy = false, ConnectCallback = sp.GetRequiredService<OutboundPolicy>().ConnectAsync,
            })
            .AddHttpMessageHandler(sp => new OutboundHostHandler(sp.GetRequiredService<OutboundPolicy>()))
            .AddStandardResilienceHandler()
            .Configure((options, provider) => provider.GetRequiredService<IOptions<SyncHttpOptions>>().Value.Apply(options))
            // One pipeline, so one circuit breaker, per system: a run that opens connectors many times keeps its state.
            .SelectPipelineBy(_ => RestTransport.PipelineKey);

        services.AddSingleton<IConnectorFactory, ConnectorFactory>();
        return services;
    }

    /// <summary>
    /// What connectors may reach (options "Connectors") and the check of systems' settings against it. Needs the
    /// database and demo options, the host environment and <see cref="Systems.SecretProtector"/>.
    /// </summary>
    public static IServiceCollection AddConnectorLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidation>();
        services.AddSingleton<OutboundPolicy>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ConnectorPaths>(sp, configuration));
        services.AddSingleton<ConnectorSettingsCheck>();
        return services;
    }
}
