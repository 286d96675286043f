using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Hosting.Telemetry;

/// <summary>Refuses to start with a scrape endpoint nobody could be refused by, or with settings that cannot work, saying which.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var problems = new List<string>();
        var prometheus = options.Prometheus;
        if (prometheus.Enabled)
        {
            if (!prometheus.Path.StartsWith('/') || prometheus.Path.Length < 2)
            {
                problems.Add("Telemetry:Prometheus:Path must be a path such as /metrics.");
            }
            var hasHash = !string.IsNullOrWhiteSpace(prometheus.TokenHash);
            var hasVariable = !string.IsNullOrWhiteSpace(prometheus.TokenEnvironmentVariable);
            if (!hasHash && !hasVariable && prometheus.AllowedNetworks.Count == 0)
            {
                problems.Add("Telemetry:Prometheus is enabled without protection: set TokenHash (the SHA-256 of the scraper's token), TokenEnvironmentVariable, or AllowedNetworks.");
            }
            if (hasHash && !IsSha256Hex(prometheus.TokenHash!))
            {
                problems.Add("Telemetry:Prometheus:TokenHash must be the token's SHA-256 as 64 hexadecimal characters, not the token itself.");
            }
            if (hasVariable && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(prometheus.TokenEnvironmentVariable!)))
            {
                problems.Add($"Telemetry:Prometheus:TokenEnvironmentVariable names {prometheus.TokenEnvironmentVariable}, which is not set in this process's environment.");
            }
            foreach (var network in prometheus.AllowedNetworks.Where(n => !System.Net.IPNetwork.TryParse(n?.Trim(), out _)))
            {
                problems.Add($"Telemetry:Prometheus:AllowedNetworks: '{network}' is not a network in CIDR form (e.g. 10.0.0.0/8, 127.0.0.1/32).");
            }
        }
        var otlp = options.Otlp;
        if (otlp.Enabled)
        {
            if (!Uri.TryCreate(otlp.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add("Telemetry:Otlp:Endpoint must be an absolute http or https address, e.g. http://127.0.0.1:4317.");
            }
            if (otlp.Protocol is not ("grpc" or "http/protobuf"))
            {
                problems.Add("Telemetry:Otlp:Protocol must be grpc or http/protobuf.");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsSha256Hex(string text) => text.Trim() is { Length: 64 } hex && hex.All(char.IsAsciiHexDigit);
}
