using System.Globalization;
using System.Net;

namespace CrmGovernance.Core.Features.Systems.Connectors.Outbound;

/// <summary>One entry of Connectors:Outbound:AllowedHosts: an exact name, a "*.domain" wildcard, or an address; with or without a port.</summary>
internal sealed record AllowedHost(string Host, int? Port, bool Wildcard, IPAddress? Address)
{
    public static bool TryParse(string? text, out AllowedHost entry)
    {
        entry = null!;
        var value = text?.Trim() ?? "";
        if (value.Length == 0 || value.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }
        var (host, portText) = SplitPort(value);
        int? port = null;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                return false;
            }
            port = p;
        }
        if (IPAddress.TryParse(host, out var address))
        {
            var normalized = OutboundAddresses.Normalize(address);
            entry = new AllowedHost(normalized.ToString(), port, false, normalized);
            return true;
        }
        var wildcard = host.StartsWith("*.", StringComparison.Ordinal);
        var name = NormalizeName(wildcard ? host[2..] : host);
        if (name.Length == 0 || name.Contains('*', StringComparison.Ordinal) || Uri.CheckHostName(name) != UriHostNameType.Dns)
        {
            return false;
        }
        entry = new AllowedHost(name, port, wildcard, null);
        return true;
    }

    /// <summary>"[::1]:80" → ("::1", "80"); "::1" → ("::1", null); "host:80" → ("host", "80").</summary>
    private static (string Host, string? Port) SplitPort(string value)
    {
        if (value.StartsWith('['))
        {
            var end = value.IndexOf(']', StringComparison.Ordinal);
            var rest = end < 0 ? "" : value[(end + 1)..];
            // Anything after the bracket but ":port" is not a port, and fails as one.
            return end < 0 ? ("", null) : (value[1..end], rest.Length == 0 ? null : rest.StartsWith(':') ? rest[1..] : rest);
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon == value.LastIndexOf(':') ? (value[..colon], value[(colon + 1)..]) : (value, null);
    }

    /// <summary>Lower case, without the trailing dot of a fully qualified name ("localhost." is "localhost").</summary>
    public static string NormalizeName(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();

    /// <summary>Whether this entry allows the name (or address text) and port a URL names.</summary>
    public bool Allows(string host, int port)
    {
        if (Port is { } p && p != port)
        {
            return false;
        }
        if (Address is not null)
        {
            return IPAddress.TryParse(host.Trim('[', ']'), out var address) && Allows(address, port);
        }
        var name = NormalizeName(host);
        return Wildcard ? name.EndsWith("." + Host, StringComparison.Ordinal) : name == Host;
    }

    /// <summary>Whether this entry is the address itself (an explicit listing lets an internal address through).</summary>
    public bool Allows(IPAddress address, int port) =>
        Address is not null && (Port is null || Port == port) && Address.Equals(OutboundAddresses.Normalize(address));
}
