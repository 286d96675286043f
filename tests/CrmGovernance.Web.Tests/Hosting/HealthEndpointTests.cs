using CrmGovernance.Core.Tests;
using System.Net;
using System.Text.Json;
using CrmGovernance.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Issue 12, finding 9: the triggers' absence showed nowhere; now /health says so at once, not at the nightly check.</summary>
    [Fact]
    public async Task Health_is_degraded_with_the_reason_as_soon_as_the_append_only_triggers_are_dropped()
    {
        using var host = new PortalHost(demo: false);
        using (var scope = host.Services.CreateScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database;
            await database.ExecuteSqlRawAsync(TestDatabase.RunProvider == DatabaseProvider.Postgres
                ? "DROP TRIGGER \"AuditEntries_NoDelete\" ON \"AuditEntries\";"
                : "DROP TRIGGER AuditEntries_NoDelete;");
        }
        using var client = host.NewClient();

        using var response = await client.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var audit = json.RootElement.GetProperty("checks").GetProperty("auditChain");
        Assert.Equal("degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("degraded", audit.GetProperty("status").GetString());
        Assert.Contains("append-only triggers were tampered with (missing: AuditEntries_NoDelete)", audit.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
