using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quartz.Diagnostics;

namespace CrmGovernance.Core.Hosting.Telemetry;

public static class TelemetryServices
{
    /// <summary>
    /// The settings, and, only when an exporter is on (Telemetry:Prometheus:Enabled or Telemetry:Otlp:Endpoint), the
    /// OpenTelemetry SDK listening to the portal's meter and source, Quartz's, Npgsql's and .NET's HTTP client, with the
    /// EF command timing interceptor and the queue gauges. Off, nothing listens and the instruments cost nothing. The
    /// web host adds ASP.NET Core's instrumentation and the Prometheus endpoint on top (<see cref="Enabled"/>).
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, CoreHost host)
    {
        services.AddOptions<TelemetryOptions>().Bind(host.Configuration.GetSection(TelemetryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.TryAddSingleton<QueueDepthGauges>();
        var options = Enabled(host.Configuration);
        if (options is null)
        {
            return services;
        }
        services.AddSingleton<IInterceptor>(new DatabaseCommandTiming(PortalDialects.For(host.Database.Provider).TelemetryName));
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CrmTelemetry.Name, QuartzInstrumentation.MeterName, "System.Net.Http")
                    .AddNpgsqlInstrumentation()
                    .AddInstrumentation(sp => sp.GetRequiredService<QueueDepthGauges>())
                    // Quartz names a sync job after its flow's id: keep the job's group, type and result, never ids.
                    .AddView(QuartzInstrumentation.Instruments.JobExecutionDuration, new MetricStreamConfiguration
                    {
                        TagKeys = ["quartz.job.group", "quartz.job.type", "quartz.job.result", "error.type"],
                    });
                if (options.Otlp.Enabled)
                {
                    metrics.AddOtlpExporter(o => Configure(o, options.Otlp));
                }
            });
        if (options.Otlp.Enabled)
        {
            // Spans only leave the process through OTLP; without it nothing samples them.
            services.AddOpenTelemetry().WithTracing(tracing => tracing
                .AddSource(CrmTelemetry.Name, QuartzInstrumentation.ActivitySourceName)
                .AddNpgsql()
                .AddOtlpExporter(o => Configure(o, options.Otlp)));
        }
        return services;
    }

    /// <summary>The settings when any exporter is on; null when telemetry is off.</summary>
    public static TelemetryOptions? Enabled(IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        return options.AnyExporter ? options : null;
    }

    private static void Configure(OtlpExporterOptions exporter, OtlpTelemetryOptions otlp)
    {
        exporter.Endpoint = new Uri(otlp.Endpoint!);
        exporter.Protocol = otlp.Protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        if (!string.IsNullOrWhiteSpace(otlp.Headers))
        {
            exporter.Headers = otlp.Headers;
        }
    }
}
