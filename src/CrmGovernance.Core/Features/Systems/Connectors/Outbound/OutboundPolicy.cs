using System.Net.Http;
using System.Net.Sockets;
using System.Net;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Systems.Connectors.Outbound;

/// <summary>
/// Decides where REST connectors may connect (Connectors:Outbound): the URL's host must be listed, and every address it
/// resolves to must be public unless listed. <see cref="ConnectAsync"/> resolves, checks and connects to the checked
/// address itself, so a name cannot resolve to a public address when checked and to an internal one when used.
/// </summary>
public sealed class OutboundPolicy
{
    private const string Where = "Connectors:Outbound:AllowedHosts in the server's configuration";
    private readonly List<AllowedHost> _hosts = [];
    private readonly List<IPNetwork> _networks = [];

    public OutboundPolicy(IOptions<ConnectorOptions> options)
    {
        var outbound = options.Value.Outbound;
        foreach (var text in outbound.AllowedHosts)
        {
            if (AllowedHost.TryParse(text, out var entry))
            {
                _hosts.Add(entry);
            }
        }
        foreach (var text in outbound.AllowPrivateNetworks)
        {
            if (IPNetwork.TryParse(text?.Trim(), out var network))
            {
                _networks.Add(network);
            }
        }
    }

    /// <summary>Why a request to this URL may not be sent, judged on the URL alone; null when it may (its addresses are checked on connect).</summary>
    public string? UrlProblem(Uri url) =>
        url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps
            ? $"only http and https addresses may be used, not '{url.Scheme}'."
            : HostProblem(url.IdnHost, url.Port);

    /// <summary>Why the portal may not connect to this host and port; null when it may (subject to the addresses it resolves to).</summary>
    public string? HostProblem(string host, int port)
    {
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var address))
        {
            return _hosts.Any(h => h.Allows(address, port)) || InAllowedNetwork(address) ? null
                : AddressProblem(host, address, port) ?? $"the address {host}:{port} is not listed in {Where}.";
        }
        return _hosts.Any(h => h.Allows(host, port)) ? null : $"the host '{AllowedHost.NormalizeName(host)}' (port {port}) is not listed in {Where}.";
    }

    /// <summary>Why the portal may not connect to an address the host resolved to; null when it may.</summary>
    public string? AddressProblem(string host, IPAddress address, int port)
    {
        if (OutboundAddresses.InternalKind(address) is not { } kind || _hosts.Any(h => h.Allows(address, port)) || InAllowedNetwork(address))
        {
            return null;
        }
        var named = IPAddress.TryParse(host.Trim('[', ']'), out _) ? $"the address {host}:{port}" : $"'{host}' resolves to {address}, which";
        return $"{named} is a {kind} address; the portal connects to such an address only when the address itself is listed in {Where} " +
            "or its network in Connectors:Outbound:AllowPrivateNetworks.";
    }

    /// <summary>SocketsHttpHandler.ConnectCallback: checks the host, resolves it, checks every address, connects to a checked one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        if (HostProblem(host, port) is { } refused)
        {
            throw new OutboundRefusedException(Capitalized(refused));
        }
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        // One internal address among public ones is enough to refuse: the name is not what the allowlist was told.
        if (addresses.Select(a => AddressProblem(host, a, port)).FirstOrDefault(p => p is not null) is { } problem)
        {
            throw new OutboundRefusedException(Capitalized(problem));
        }
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private bool InAllowedNetwork(IPAddress address)
    {
        var normalized = OutboundAddresses.Normalize(address);
        return _networks.Any(n => n.BaseAddress.AddressFamily == normalized.AddressFamily && n.Contains(normalized));
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
