using System.Net;
using System.Text.Json;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Incidents;

public sealed class IncidentHealthEndpointTests
{
    [Fact]
    public async Task Health_stays_200_and_says_degraded_with_the_count_while_a_critical_incident_is_open()
    {
        using var host = new PortalHost(demo: false);
        await host.Services.GetRequiredService<IncidentRecorder>().RecordAsync(
            new IncidentSignal(IncidentCause.AuditChainBroken, "Audit chain broken", "Row 12 does not match its hash."));
        using var client = host.NewClient();

        using var response = await client.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var incidents = json.RootElement.GetProperty("checks").GetProperty("incidents");
        Assert.Equal("degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("degraded", incidents.GetProperty("status").GetString());
        Assert.Equal(1, incidents.GetProperty("data").GetProperty("criticalActive").GetInt32());
    }
}
