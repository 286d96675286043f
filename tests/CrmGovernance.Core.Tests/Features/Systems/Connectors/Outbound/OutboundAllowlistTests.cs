using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Systems.Connectors.Outbound;
using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using CrmGovernance.Core.Tests.Features.Systems.Connectors.Rest;
using static CrmGovernance.Core.Tests.Features.Systems.Connectors.Records;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Outbound;

/// <summary>
/// REST connectors send only where the server's Connectors:Outbound allows, judged on the URL, again on the addresses
/// the name resolves to, and never through a redirect. The APIs are real Kestrel listeners on 127.0.0.1 that count calls.
/// </summary>
public sealed class OutboundAllowlistTests
{
    private static ConnectorTestHost HostAllowing(params string[] hosts) =>
        ConnectorTestHost.Start(hosts.Select((h, i) => (Key: $"Connectors:Outbound:AllowedHosts:{i}", Value: h)).ToDictionary(s => s.Key, s => (string?)s.Value));

    private static ISyncConnector OpenRest(ConnectorTestHost host, string baseUrl) =>
        host.Open("crm", "rest", new Dictionary<string, string> { ["baseUrl"] = baseUrl, ["auth"] = "none" });

    private static int PortOf(FakeApi api) => new Uri(api.BaseUrl).Port;

    [Fact]
    public async Task A_rest_system_on_127_0_0_1_that_is_not_allowlisted_receives_nothing()
    {
        await using var api = await FakeApi.StartAsync();
        await using var host = HostAllowing();

        var error = Assert.Throws<OutboundRefusedException>(() => OpenRest(host, api.BaseUrl));

        Assert.Contains($"The setting 'baseUrl' of the system 'crm' (rest connector) may not be used: the address 127.0.0.1:{PortOf(api)} is a loopback address",
            error.Message, StringComparison.Ordinal);
        Assert.Equal(0, api.Calls);
    }

    [Fact]
    public async Task A_run_into_a_rest_crm_that_is_not_allowlisted_fails_with_the_reason_and_posts_nothing()
    {
        await using var api = await FakeApi.StartAsync();
        await using var f = await SyncFlowFixture.StartAsync(RestTargetReliabilityTests.WithRestCrm(api.BaseUrl));
        await f.PersonAsync("p001", "ann@example.com");

        var run = await f.RunAsync();

        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Contains("Connectors:Outbound:AllowedHosts", run.Message, StringComparison.Ordinal);
        Assert.Equal(0, api.Calls);
        Assert.Empty(api.Contacts);
    }

    [Fact]
    public async Task The_same_api_works_once_its_address_and_port_are_allowlisted_and_another_port_stays_refused()
    {
        await using var api = await FakeApi.StartAsync();
        await using var host = HostAllowing($"127.0.0.1:{PortOf(api)}");
        await using var connector = OpenRest(host, api.BaseUrl);

        var results = await connector.WriteBatchAsync("contact", [New("c1", ("email", "ann@example.com"))], CancellationToken.None);

        Assert.True(Assert.Single(results).Succeeded);
        Assert.Equal("ann@example.com", api.Contacts["c1"]["email"]);
        Assert.Throws<OutboundRefusedException>(() => OpenRest(host, $"http://127.0.0.1:{PortOf(api) + 1}"));
    }

    [Fact]
    public async Task An_allowlisted_name_that_resolves_to_loopback_is_refused_after_resolution()
    {
        await using var api = await FakeApi.StartAsync();
        await using var host = HostAllowing("localhost");
        await using var connector = OpenRest(host, $"http://localhost:{PortOf(api)}");

        var error = await Assert.ThrowsAsync<OutboundRefusedException>(() => connector.ReadChangesAsync("contact", null, 10, CancellationToken.None));

        Assert.Contains("'localhost' resolves to", error.Message, StringComparison.Ordinal);
        Assert.Contains("loopback address", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, api.Calls);
    }

    [Fact]
    public async Task An_allowlisted_name_may_resolve_into_a_listed_private_network()
    {
        await using var api = await FakeApi.StartAsync();
        await using var host = ConnectorTestHost.Start(new Dictionary<string, string?>
        {
            ["Connectors:Outbound:AllowedHosts:0"] = "localhost",
            ["Connectors:Outbound:AllowPrivateNetworks:0"] = "127.0.0.0/8",
            ["Connectors:Outbound:AllowPrivateNetworks:1"] = "::1/128",
        });
        api.Seed(new Dictionary<string, string?> { ["id"] = "a", ["updated_at"] = "2026-01-01T00:00:00Z" });
        await using var connector = OpenRest(host, $"http://localhost:{PortOf(api)}");

        var page = await connector.ReadChangesAsync("contact", null, 10, CancellationToken.None);

        Assert.Equal("a", Assert.Single(page.Records).Id);
    }

    [Fact]
    public async Task A_redirect_from_an_allowlisted_api_to_a_port_that_is_not_allowlisted_is_not_followed()
    {
        await using var allowed = await FakeApi.StartAsync();
        await using var elsewhere = await FakeApi.StartAsync();
        allowed.Fault = (_, _, _) => new Fault(302, Location: elsewhere.BaseUrl + "/contacts");
        await using var host = HostAllowing($"127.0.0.1:{PortOf(allowed)}");
        await using var connector = OpenRest(host, allowed.BaseUrl);

        var error = await Assert.ThrowsAsync<OutboundRefusedException>(() => connector.ReadChangesAsync("contact", null, 10, CancellationToken.None));

        Assert.Contains($"HTTP 302, a redirect to '{elsewhere.BaseUrl}/contacts'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, allowed.Calls);
        Assert.Equal(0, elsewhere.Calls);
    }
}
