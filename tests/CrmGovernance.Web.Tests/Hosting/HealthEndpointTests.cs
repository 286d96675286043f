using System.Net;
using System.Text.Json;

namespace CrmGovernance.Web.Tests.Hosting;

public sealed class HealthEndpointTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Health_answers_anonymously_with_database_scheduler_and_audit_chain_status()
    {
        using var client = fixture.Host.NewClient();
        using var response = await client.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
        Assert.True(checks.TryGetProperty("auditChain", out _));
    }
}
