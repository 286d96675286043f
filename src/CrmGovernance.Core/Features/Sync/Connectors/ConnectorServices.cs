using CrmGovernance.Core.Features.Sync.Connectors.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Sync.Connectors;

public static class ConnectorServices
{
    /// <summary>The connector factory, and the resilient HttpClient of the REST connectors (options "Sync:Http").</summary>
    public static IServiceCollection AddSyncConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncHttpOptions>()
            .Bind(configuration.GetSection(SyncHttpOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.IsConsistent(out _), "Sync:Http: TotalTimeoutSeconds must be at least AttemptTimeoutSeconds, and BreakerSamplingSeconds at least twice AttemptTimeoutSeconds.")
            .ValidateOnStart();

        // The pipeline's timeouts govern; the client's own 100 s default would cut retries short.
        services.AddHttpClient(RestTransport.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((options, provider) => provider.GetRequiredService<IOptions<SyncHttpOptions>>().Value.Apply(options))
            // One pipeline, so one circuit breaker, per system: a run that opens connectors many times keeps its state.
            .SelectPipelineBy(_ => RestTransport.PipelineKey);

        services.AddSingleton<IConnectorFactory, ConnectorFactory>();
        return services;
    }
}
