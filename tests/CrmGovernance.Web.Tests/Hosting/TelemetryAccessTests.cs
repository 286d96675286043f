using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>Who may scrape by address, the settings a portal refuses to start with, and trace ids in the log.</summary>
[Collection(StaticLoggerTests.Name)]
public sealed class TelemetryAccessTests
{
    private const string Token = "scrape-token-for-tests";
    private static readonly string TokenHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Token)));

    [Fact]
    public async Task A_client_outside_the_allowed_networks_is_refused_even_with_the_token()
    {
        using var host = new PortalHost(demo: false, settings: new Dictionary<string, string>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:TokenHash"] = TokenHash,
            ["Telemetry:Prometheus:AllowedNetworks:0"] = "10.0.0.0/8",
            ["Telemetry:Prometheus:AllowedNetworks:1"] = "fd00::/8",
        });
        using var client = host.NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);

        using var response = await client.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("crmgov_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_inside_the_allowed_networks_scrapes_without_a_token_when_no_token_is_configured()
    {
        using var host = new PortalHost(demo: false, settings: new Dictionary<string, string>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:AllowedNetworks:0"] = "127.0.0.1/32",
        });
        using var client = host.NewClient();

        using var response = await client.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("crmgov_db_command_duration_seconds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Telemetry:Prometheus:Path", "/metrics", "without protection")]
    [InlineData("Telemetry:Prometheus:TokenHash", "the-token-itself", "not the token itself")]
    [InlineData("Telemetry:Prometheus:AllowedNetworks:0", "10.0.0.0", "not a network in CIDR form")]
    public void The_portal_does_not_start_with_a_scrape_endpoint_it_cannot_protect(string key, string value, string message)
    {
        var refused = Assert.ThrowsAny<Exception>(() => new PortalHost(demo: false, settings: new Dictionary<string, string>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            [key] = value,
        }).Dispose());

        Assert.Contains(message, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_line_written_during_a_request_carries_its_trace_and_span_ids()
    {
        var logs = Path.Combine(Path.GetTempPath(), "crmgov-logs-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var host = new PortalHost(demo: false, settings: new Dictionary<string, string>
            {
                ["Logs:Path"] = Path.Combine(logs, "portal-.log"),
                ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information",
            }))
            {
                using var client = host.NewClient();
                using var _ = await client.GetAsync("health?trace-test");
                var line = await RequestLineAsync(logs, "/health");

                Assert.Matches("^[0-9a-f]{32}$", line.GetProperty("@tr").GetString());
                Assert.Matches("^[0-9a-f]{16}$", line.GetProperty("@sp").GetString());
            }
        }
        finally
        {
            try
            {
                Directory.Delete(logs, recursive: true);
            }
            catch (IOException)
            {
                // The log file may still be closing; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>The request log line for the path, once the file has it (it is written when the response completes).</summary>
    private static async Task<JsonElement> RequestLineAsync(string folder, string path)
    {
        for (var wait = 0; wait < 150; wait++)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                foreach (var text in (await reader.ReadToEndAsync()).Split('\n').Where(l => l.Length > 0))
                {
                    var entry = JsonDocument.Parse(text).RootElement;
                    if (entry.TryGetProperty("RequestPath", out var p) && p.GetString() == path)
                    {
                        return entry.Clone();
                    }
                }
            }
            await Task.Delay(100);
        }
        Assert.Fail($"No request line for {path} in the log.");
        return default;
    }
}
