using System.Security.Cryptography;
using System.Text;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>The live demo portal with the Prometheus scrape on, protected by a token only the tests know.</summary>
public sealed class TelemetryFixture : IDisposable
{
    public TelemetryFixture()
    {
        Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        Host = new PortalHost(demo: true, settings: new Dictionary<string, string>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:TokenHash"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
            ["Telemetry:QueueDepthRefreshSeconds"] = "1",
        });
    }

    public string Token { get; }

    public PortalHost Host { get; }

    public HttpClient Scraper(string? token)
    {
        var client = Host.NewClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public void Dispose() => Host.Dispose();
}
