using System.Net;
using System.Security.Cryptography;
using System.Text;
using CrmGovernance.Core.Hosting.Telemetry;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Hosting.Telemetry;

/// <summary>
/// Who may read the metrics: every configured check must pass. An address outside Telemetry:Prometheus:AllowedNetworks
/// gets 403; a missing or wrong bearer token 401 (compared as SHA-256 digests, in constant time). The portal's sign-in
/// cookie counts for nothing here. Refusals are ProblemDetails, never the metrics.
/// </summary>
internal sealed class ScrapeAccess
{
    private const string Bearer = "Bearer ";
    private readonly byte[]? _tokenHash;
    private readonly IReadOnlyList<System.Net.IPNetwork> _networks;

    public ScrapeAccess(IOptions<TelemetryOptions> options)
    {
        var prometheus = options.Value.Prometheus;
        Path = prometheus.Path;
        _networks = [.. prometheus.AllowedNetworks.Select(n => System.Net.IPNetwork.Parse(n.Trim()))];
        if (!string.IsNullOrWhiteSpace(prometheus.TokenHash))
        {
            _tokenHash = Convert.FromHexString(prometheus.TokenHash.Trim());
        }
        else if (!string.IsNullOrWhiteSpace(prometheus.TokenEnvironmentVariable)
            && Environment.GetEnvironmentVariable(prometheus.TokenEnvironmentVariable) is { Length: > 0 } token)
        {
            _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        }
    }

    public string Path { get; }

    /// <summary>Middleware of the scrape endpoint's branch: refuses, or lets the exporter answer.</summary>
    public async Task CheckAsync(HttpContext http, RequestDelegate next)
    {
        if (_networks.Count > 0 && !Allowed(http.Connection.RemoteIpAddress))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "This address may not read the metrics (Telemetry:Prometheus:AllowedNetworks).").ExecuteAsync(http);
            return;
        }
        if (_tokenHash is not null && !TokenMatches(http.Request.Headers.Authorization.ToString()))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Send the scrape token as \"Authorization: Bearer <token>\"; the portal's sign-in does not give access to the metrics.").ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private bool Allowed(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        var client = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(n => n.Contains(client));
    }

    private bool TokenMatches(string header)
    {
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[Bearer.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _tokenHash);
    }
}
