using System.Net;

namespace CrmGovernance.Web.Security;

/// <summary>
/// Settings of "Security:ForwardedHeaders": which TLS-terminating proxies may tell the portal the client's scheme and
/// address. With none listed the headers are ignored, so nobody can claim HTTPS or another address by sending them.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Addresses of the proxies, for example "10.0.0.5" or "::1".</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR notation, for example "10.0.0.0/24".</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>The entries that do not parse, each with what it should have been.</summary>
    public IEnumerable<string> Errors() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"Security:ForwardedHeaders:KnownProxies: '{p}' is not an IP address.")
            .Concat(KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n => $"Security:ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR notation (10.0.0.0/24)."));
}
