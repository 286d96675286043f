using System.Net;

namespace CrmGovernance.Core.Features.Systems.Connectors.Outbound;

/// <summary>Where REST connectors may send requests ("Connectors:Outbound"). Nothing is allowed unless listed.</summary>
public sealed class OutboundOptions
{
    /// <summary>
    /// Hosts a REST connector's baseUrl may name: "api.example.com", "api.example.com:8443", "*.example.com" (any
    /// subdomain, not the apex), or an address ("203.0.113.7", "127.0.0.1:5199", "[::1]:8080"). Without a port, any port.
    /// A name that resolves to a loopback, private, link-local, CGNAT, multicast or unspecified address is still refused
    /// unless that address is listed here or in <see cref="AllowPrivateNetworks"/>.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Networks (CIDR, "10.20.0.0/16") of internal addresses that allowed hosts may resolve to, and baseUrls may name.</summary>
    public List<string> AllowPrivateNetworks { get; set; } = [];

    public IReadOnlyList<string> Problems() =>
    [
        .. AllowedHosts.Where(h => AllowedHost.TryParse(h, out _) is false).Select(h => $"Connectors:Outbound:AllowedHosts: '{h}' is not a host, host:port or *.domain."),
        .. AllowPrivateNetworks.Where(n => !IPNetwork.TryParse(n?.Trim(), out _)).Select(n => $"Connectors:Outbound:AllowPrivateNetworks: '{n}' is not a network such as 10.20.0.0/16."),
    ];
}
