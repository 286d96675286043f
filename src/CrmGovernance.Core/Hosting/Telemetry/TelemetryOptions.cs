using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Hosting.Telemetry;

/// <summary>Telemetry: metrics and traces for operators. Everything is off until configured (docs/telemetry.md).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The service name exported with every metric and span (OpenTelemetry's service.name).</summary>
    public string ServiceName { get; set; } = CrmTelemetry.Name;

    /// <summary>How old the queue-depth gauges may be: a scrape older than this starts one refresh (a few indexed counts) and reports the last values.</summary>
    [Range(1, 3600)]
    public int QueueDepthRefreshSeconds { get; set; } = 30;

    public PrometheusTelemetryOptions Prometheus { get; set; } = new();

    public OtlpTelemetryOptions Otlp { get; set; } = new();

    /// <summary>Whether any exporter is on, so the OpenTelemetry SDK is put together at all.</summary>
    public bool AnyExporter => Prometheus.Enabled || Otlp.Enabled;
}
