using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>Node:Role: the same build as a portal-only node and as a worker-only node, here on one machine and one database.</summary>
public sealed class NodeRoleTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_portal_only_node_serves_the_pages_and_runs_no_scheduler_and_its_health_says_so()
    {
        using var portal = new PortalHost(demo: false, settings: new Dictionary<string, string> { ["Node:Role"] = "Portal" });
        using var client = portal.NewClient();

        using var page = await client.GetAsync("Account/Login");
        var scheduler = await SchedulerCheckAsync(client);
        var quartz = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("healthy", scheduler.GetProperty("status").GetString());
        Assert.Contains("No scheduler runs on this node", scheduler.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Portal", scheduler.GetProperty("data").GetProperty("role").GetString());
        Assert.NotEqual(SchedulerStatus.Running, quartz.Status);
    }

    [Fact]
    public async Task A_worker_only_node_serves_no_pages_and_runs_the_job_a_portal_only_node_asked_for()
    {
        using var portal = new PortalHost(demo: false, settings: new Dictionary<string, string> { ["Node:Role"] = "Portal" });
        using var worker = new PortalHost(demo: false, settings: new Dictionary<string, string>(portal.SharedStoreSettings())
        {
            ["Node:Role"] = "Worker", ["Node:Name"] = "worker-1",
        });
        using var client = worker.NewClient();

        using var home = await client.GetAsync("");
        using var login = await client.GetAsync("Account/Login");
        var scheduler = await SchedulerCheckAsync(client);
        // "Verify now" on the portal: written to the shared job store, fired by the worker.
        var portalScheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await portalScheduler.TriggerJob(AuditVerificationJob.Key, new JobDataMap { [AuditVerificationJob.TriggeredByKey] = "node-role-test" });

        Assert.Equal(HttpStatusCode.NotFound, home.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
        Assert.Equal("healthy", scheduler.GetProperty("status").GetString());
        Assert.Equal("Running", scheduler.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal("worker-1", scheduler.GetProperty("data").GetProperty("node").GetString());
        Assert.NotEqual(SchedulerStatus.Running, portalScheduler.Status);
        await WaitForVerificationAsync(worker, "on demand by node-role-test");
    }

    [Fact]
    public async Task A_worker_only_node_answers_an_authorised_scrape_of_its_metrics_and_refuses_one_without_the_token()
    {
        const string token = "worker-scrape-token-for-this-test-0123456789";
        using var worker = new PortalHost(demo: false, settings: new Dictionary<string, string>
        {
            ["Node:Role"] = "Worker", ["Node:Name"] = "worker-metrics",
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:TokenHash"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))),
        });
        using var anonymous = worker.NewClient();
        using var scraper = worker.NewClient();
        scraper.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var refused = await anonymous.GetAsync("metrics");
        using var scraped = await scraper.GetAsync("metrics");
        using var login = await scraper.GetAsync("Account/Login");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("# TYPE", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
    }

    /// <summary>The scheduler's check once the node is healthy (a clustered scheduler on PostgreSQL can take a moment to start).</summary>
    private static async Task<JsonElement> SchedulerCheckAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync("health");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var json = JsonDocument.Parse(body);
                return json.RootElement.GetProperty("checks").GetProperty("scheduler").Clone();
            }
            Assert.True(clock.Elapsed < Patience, $"/health answered {(int)response.StatusCode} for {Patience.TotalSeconds:N0} s: {body}");
            await Task.Delay(250);
        }
    }

    private static async Task WaitForVerificationAsync(PortalHost host, string trigger)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            using var scope = host.Services.CreateScope();
            if (await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditVerifications.AnyAsync(v => v.Trigger == trigger))
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"No node verified the audit chain ({trigger}) within {Patience.TotalSeconds:N0} s.");
    }
}
