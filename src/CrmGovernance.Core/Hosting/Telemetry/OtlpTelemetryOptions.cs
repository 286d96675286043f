namespace CrmGovernance.Core.Hosting.Telemetry;

/// <summary>
/// OTLP export of metrics and traces to a collector (Telemetry:Otlp). Off while <see cref="Endpoint"/> is empty. The
/// address is host configuration, like the database's: it is not checked against Connectors:Outbound, which guards the
/// addresses people enter in the portal (docs/telemetry.md).
/// </summary>
public sealed class OtlpTelemetryOptions
{
    /// <summary>The collector, e.g. http://127.0.0.1:4317 (grpc) or http://127.0.0.1:4318 (http/protobuf).</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>Headers the collector wants, as <c>key=value,key2=value2</c> (OTEL_EXPORTER_OTLP_HEADERS is read too).</summary>
    public string? Headers { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}
