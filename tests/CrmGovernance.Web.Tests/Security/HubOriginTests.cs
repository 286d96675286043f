using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Security;

public sealed class HubOriginTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Hub_negotiate_from_another_origin_is_refused()
    {
        using var response = await NegotiateAsync(fixture.Host, "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("http://127.0.0.1.evil.example")]
    public async Task Hub_negotiate_from_an_opaque_or_look_alike_origin_is_refused(string origin)
    {
        using var response = await NegotiateAsync(fixture.Host, origin);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Hub_negotiate_from_the_portals_own_origin_is_answered()
    {
        using var response = await NegotiateAsync(fixture.Host, Origin(fixture.Host));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Hub_websocket_handshake_from_another_origin_is_refused_and_from_its_own_accepted()
    {
        using var foreign = await ConnectAsync(fixture.Host, "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.HttpStatusCode);
        Assert.NotEqual(WebSocketState.Open, foreign.State);

        using var own = await ConnectAsync(fixture.Host, Origin(fixture.Host));
        Assert.Equal(WebSocketState.Open, own.State);
        own.Abort();
    }

    [Fact]
    public async Task An_origin_listed_in_the_settings_may_open_the_hub()
    {
        using var host = new PortalHost(settings: new Dictionary<string, string> { ["Security:AllowedOrigins:0"] = "https://portal.example.com" });
        using var listed = await NegotiateAsync(host, "https://portal.example.com");
        using var other = await NegotiateAsync(host, "https://other.example.com");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    private static string Origin(PortalHost host) => host.BaseAddress.GetLeftPart(UriPartial.Authority);

    private static async Task<HttpResponseMessage> NegotiateAsync(PortalHost host, string origin)
    {
        using var client = host.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "_blazor/negotiate?negotiateVersion=1");
        request.Headers.TryAddWithoutValidation("Origin", origin);
        return await client.SendAsync(request);
    }

    /// <summary>A WebSocket handshake as a page at <paramref name="origin"/> would make it, with a connection token from negotiate.</summary>
    private static async Task<ClientWebSocket> ConnectAsync(PortalHost host, string origin)
    {
        using var negotiated = await NegotiateAsync(host, Origin(host));
        using var json = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("connectionToken").GetString();

        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        var uri = new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "_blazor", Query = "id=" + token }.Uri;
        try
        {
            await socket.ConnectAsync(uri, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Refused handshakes throw; the status code stays on the socket.
        }
        return socket;
    }
}
