using System.Net.Sockets;
using System.Net;

namespace CrmGovernance.Core.Features.Systems.Connectors.Outbound;

/// <summary>
/// Addresses that reach the portal's own machine or internal network rather than the internet: a REST connector may
/// not send to them unless the server's configuration lists them.
/// </summary>
internal static class OutboundAddresses
{
    private static readonly (IPNetwork Network, string Kind)[] Internal =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("::/96"), "IPv4-compatible"),
        (IPNetwork.Parse("fc00::/7"), "private"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>An IPv4 address written as IPv6 (::ffff:127.0.0.1) is that IPv4 address.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>What kind of internal address this is ("loopback", "private", …), or null for a public one.</summary>
    public static string? InternalKind(IPAddress address)
    {
        address = Normalize(address);
        foreach (var (network, kind) in Internal)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return kind;
            }
        }
        // NAT64 and 6to4 carry an IPv4 address inside: judge that one.
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && Embedded(address) is { } inner)
        {
            return InternalKind(inner);
        }
        return null;
    }

    private static IPAddress? Embedded(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return Nat64.Contains(address) ? new IPAddress(bytes[12..16])
            : SixToFour.Contains(address) ? new IPAddress(bytes[2..6])
            : null;
    }
}
