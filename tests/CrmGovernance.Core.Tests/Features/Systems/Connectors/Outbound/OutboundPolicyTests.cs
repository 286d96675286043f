using System.Net;
using CrmGovernance.Core.Features.Systems.Connectors.Outbound;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Outbound;

/// <summary>How Connectors:Outbound entries match URLs, and which addresses count as internal.</summary>
public sealed class OutboundPolicyTests
{
    private static OutboundPolicy Policy(string[] hosts, string[]? networks = null) =>
        new(Options.Create(new ConnectorOptions { Outbound = new OutboundOptions { AllowedHosts = [.. hosts], AllowPrivateNetworks = [.. networks ?? []] } }));

    [Theory]
    [InlineData("https://api.example.com/v1", "api.example.com", true)]
    [InlineData("https://API.Example.COM./v1", "api.example.com", true)]
    [InlineData("https://api.example.com/v1", "api.example.com:443", true)]
    [InlineData("https://api.example.com:8443/v1", "api.example.com:443", false)]
    [InlineData("https://eu.api.example.com/", "*.example.com", true)]
    [InlineData("https://example.com/", "*.example.com", false)]
    [InlineData("https://evilexample.com/", "*.example.com", false)]
    [InlineData("https://api.example.com.evil.test/", "api.example.com", false)]
    [InlineData("http://203.0.113.7:8080/", "203.0.113.7", true)]
    [InlineData("http://127.0.0.1:5199/", "127.0.0.1:5199", true)]
    [InlineData("http://127.0.0.1:5200/", "127.0.0.1:5199", false)]
    [InlineData("http://2130706433:5199/", "127.0.0.1:5199", true)]
    [InlineData("http://[::1]:8080/", "[::1]:8080", true)]
    [InlineData("http://[::ffff:127.0.0.1]:8080/", "127.0.0.1", true)]
    [InlineData("ftp://api.example.com/", "api.example.com", false)]
    public void An_url_is_allowed_only_by_a_matching_entry(string url, string entry, bool allowed) =>
        Assert.Equal(allowed, Policy([entry]).UrlProblem(new Uri(url)) is null);

    [Theory]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://10.0.0.5/")]
    public void An_internal_address_is_refused_with_an_allowlist_of_names(string url) =>
        Assert.Contains("address", Policy(["*.example.com", "localhost"]).UrlProblem(new Uri(url)), StringComparison.Ordinal);

    [Fact]
    public void An_internal_address_in_a_listed_network_is_allowed_and_one_outside_it_is_not()
    {
        var policy = Policy([], ["10.20.0.0/16"]);

        Assert.Null(policy.UrlProblem(new Uri("http://10.20.3.4/")));
        Assert.NotNull(policy.UrlProblem(new Uri("http://10.21.3.4/")));
        Assert.Null(policy.AddressProblem("crm.internal", IPAddress.Parse("10.20.0.9"), 443));
        Assert.Contains("'crm.internal' resolves to 10.21.0.9, which is a private address", policy.AddressProblem("crm.internal", IPAddress.Parse("10.21.0.9"), 443),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:7f00:1::1", "loopback")]
    [InlineData("93.184.216.34", null)]
    [InlineData("172.32.0.1", null)]
    [InlineData("100.128.0.1", null)]
    [InlineData("2606:2800:220:1::1", null)]
    public void Internal_addresses_are_recognised(string address, string? kind) =>
        Assert.Equal(kind, OutboundAddresses.InternalKind(IPAddress.Parse(address)));

    [Theory]
    [InlineData("api.example.com", true)]
    [InlineData("api.example.com:8443", true)]
    [InlineData("*.example.com", true)]
    [InlineData("[::1]:8080", true)]
    [InlineData("::1", true)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("*", false)]
    [InlineData("api.example.com:99999", false)]
    [InlineData("http://api.example.com", false)]
    [InlineData("", false)]
    public void Allowed_host_entries_are_checked_when_the_server_starts(string entry, bool valid) =>
        Assert.Equal(valid, new ConnectorOptions { Outbound = new OutboundOptions { AllowedHosts = [entry] } }.Problems().Count == 0);
}
