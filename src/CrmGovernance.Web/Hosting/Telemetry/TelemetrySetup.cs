using CrmGovernance.Core.Hosting.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CrmGovernance.Web.Hosting.Telemetry;

/// <summary>
/// The web host's part of telemetry (Core's <c>AddTelemetry</c> has the rest): ASP.NET Core's request metrics, its
/// request spans when OTLP is on, and the Prometheus scrape endpoint behind <see cref="ScrapeAccess"/>. Nothing when
/// telemetry is off (docs/telemetry.md).
/// </summary>
internal static class TelemetrySetup
{
    public static IServiceCollection AddCrmTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (TelemetryServices.Enabled(configuration) is not { } options)
        {
            return services;
        }
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            // Blazor's component metrics are labelled per component type and handler: hundreds of series per portal for
            // what the request and circuit metrics already tell an operator.
            metrics.AddAspNetCoreInstrumentation()
                .AddView(instrument => instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) ? MetricStreamConfiguration.Drop : null);
            if (options.Prometheus.Enabled)
            {
                // The gauges are cached (QueueDepthGauges) and counters are cheap to read, so a scrape needs no cache of its own.
                metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            }
        });
        if (options.Otlp.Enabled)
        {
            var scrape = options.Prometheus.Path;
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(o =>
                o.Filter = http => !http.Request.Path.StartsWithSegments(scrape) && !http.Request.Path.StartsWithSegments("/health")));
        }
        if (options.Prometheus.Enabled)
        {
            services.AddSingleton<ScrapeAccess>();
        }
        return services;
    }

    /// <summary>The scrape endpoint, only when Telemetry:Prometheus:Enabled (otherwise the path is an ordinary 404).</summary>
    public static WebApplication MapCrmMetrics(this WebApplication app)
    {
        if (app.Services.GetService<ScrapeAccess>() is not { } access)
        {
            return app;
        }
        // Not a cookie endpoint: the scraper's token and address are its authentication, checked before the exporter runs.
        app.MapPrometheusScrapingEndpoint(access.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(access.CheckAsync), optionsName: null)
            .AllowAnonymous()
            .DisableHttpMetrics()
            .WithDisplayName("Prometheus scrape");
        return app;
    }
}
