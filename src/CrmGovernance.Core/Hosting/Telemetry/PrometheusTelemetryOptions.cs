namespace CrmGovernance.Core.Hosting.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint (Telemetry:Prometheus). Off by default; when on, every request must pass each
/// configured check: a bearer token (its SHA-256 in <see cref="TokenHash"/>, or the token itself in the environment
/// variable named by <see cref="TokenEnvironmentVariable"/>) and/or the client address in <see cref="AllowedNetworks"/>.
/// At least one check must be configured.
/// </summary>
public sealed class PrometheusTelemetryOptions
{
    public bool Enabled { get; set; }

    public string Path { get; set; } = "/metrics";

    /// <summary>Hex SHA-256 of the scraper's bearer token (e.g. <c>printf %s "$TOKEN" | sha256sum</c>); never the token itself.</summary>
    public string? TokenHash { get; set; }

    /// <summary>The name of an environment variable holding the token itself, for hosts that inject secrets that way.</summary>
    public string? TokenEnvironmentVariable { get; set; }

    /// <summary>Client networks allowed to scrape, in CIDR form (127.0.0.1/32, 10.0.0.0/8, ::1/128).</summary>
    public List<string> AllowedNetworks { get; set; } = [];
}
