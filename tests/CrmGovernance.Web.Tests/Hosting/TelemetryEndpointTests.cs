using System.Net;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Web.Tests.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>
/// The Prometheus scrape of a live demo portal. The meter is process-wide, so these run with the other tests that must
/// be alone (no other portal's runs reach this portal's counters).
/// </summary>
[Collection(StaticLoggerTests.Name)]
public sealed class TelemetryEndpointTests(TelemetryFixture fixture) : IClassFixture<TelemetryFixture>
{
    [Fact]
    public async Task Metrics_are_not_served_unless_configured()
    {
        using var host = new PortalHost(demo: false);
        using var client = host.NewClient();

        using var response = await client.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token")]
    public async Task Without_the_token_the_scrape_is_refused_with_401_problem_details(string? token)
    {
        using var client = fixture.Scraper(token);

        using var response = await client.GetAsync("metrics");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain("crmgov_", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_portal_sign_in_alone_does_not_open_the_metrics()
    {
        var admin = DemoAccounts.All.First(a => a.Role == Core.Access.Roles.Admin);
        using var client = await SignIn.AsAsync(fixture.Host, admin.Email, admin.Password);

        using var response = await client.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_scrape_endpoint_is_in_the_access_table_and_declares_what_it_expects()
    {
        var policies = fixture.Host.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var mapped = Endpoints.Routable(fixture.Host.Services).ToDictionary(Endpoints.Pattern);

        Assert.Empty(mapped.Keys.Except(AccessTable.Expected.Keys).Except(AccessTable.WhenConfigured.Keys));
        foreach (var (pattern, access) in AccessTable.WhenConfigured)
        {
            Assert.True(mapped.ContainsKey(pattern), $"{pattern} is not mapped with its setting on");
            Assert.True((await DeclaredAccess.OfAsync(mapped[pattern], policies))?.SameAs(access), $"{pattern} does not declare {access}");
        }
    }

    [Fact]
    public async Task With_the_token_the_scrape_counts_runs_and_records_per_outcome_as_the_portal_recorded_them()
    {
        // The live demo's flows run on their schedules; once some run has read records, the scheduler is held so that the
        // recorded runs and the counters stand still while they are compared.
        await WaitForAsync(() => QueryAsync(db => db.SyncRuns.AnyAsync(r => r.FinishedUtc != null && r.Read > 0)), "a demo run that read records");
        var scheduler = await fixture.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        try
        {
            await WaitForAsync(async () => (await scheduler.QueryFireInstances(new FireInstanceQuery())).Items.Count == 0
                && !await QueryAsync(db => db.SyncRuns.AnyAsync(r => r.Status == SyncRunStatus.Running)), "the runs in flight to end");
            var runs = await QueryAsync(db => db.SyncRuns.AsNoTracking().Where(r => !r.DryRun).ToListAsync());
            using var client = fixture.Scraper(fixture.Token);

            using var response = await client.GetAsync("metrics");

            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var records = PrometheusText.Samples(text, "crmgov_sync_records_total");
            var ended = PrometheusText.Samples(text, "crmgov_sync_runs_total");
            Assert.NotEmpty(records);
            foreach (var flow in runs.GroupBy(r => r.FlowName))
            {
                foreach (var outcome in Enum.GetValues<OutcomeKind>())
                {
                    var counted = records.Where(s => s.Labels["flow"] == flow.Key && s.Labels["outcome"] == outcome.ToString()).Sum(s => s.Value);
                    Assert.True(flow.Sum(r => r.Count(outcome)) == counted, $"{flow.Key} {outcome}: recorded {flow.Sum(r => r.Count(outcome))}, counted {counted}");
                }
                Assert.Equal(flow.Count(), ended.Where(s => s.Labels["flow"] == flow.Key && s.Labels["status"] != "NothingNew").Sum(s => s.Value));
            }
            Assert.Contains(PrometheusText.Samples(text, "crmgov_sync_run_duration_seconds_count"), s => s.Value > 0);
            // Buckets in seconds, not the SDK's millisecond defaults; no per-component Blazor series.
            Assert.Contains(PrometheusText.Samples(text, "crmgov_sync_run_duration_seconds_bucket"), s => s.Labels["le"] == "0.5");
            Assert.DoesNotContain("aspnetcore_components_", text, StringComparison.Ordinal);
            Assert.Contains(PrometheusText.Samples(text, "crmgov_sync_batch_duration_seconds_count"), s => s.Labels["phase"] == "record" && s.Value > 0);
            Assert.Contains(PrometheusText.Samples(text, "crmgov_db_command_duration_seconds_count"), s => s.Labels["db_system"] == (CrmGovernance.Core.Tests.TestDatabase.RunProvider == DatabaseProvider.Postgres ? "postgresql" : "sqlite") && s.Value > 0);
            Assert.Contains(PrometheusText.Samples(text, "http_server_request_duration_seconds_count"), s => s.Value > 0);
            // The demo's website posts its enquiries to the inbound endpoint.
            Assert.Contains(PrometheusText.Samples(text, "crmgov_webhook_inbound_duration_seconds_count"), s => s.Labels["http_response_status_code"] == "202");
            // Quartz's job durations carry the job's group and type, never its name (a sync job is named after its flow's id).
            var jobs = PrometheusText.Samples(text, "quartz_job_execution_duration_seconds_count");
            Assert.Contains(jobs, s => s.Labels.GetValueOrDefault("quartz_job_group") == "sync");
            Assert.DoesNotContain(jobs, s => s.Labels.ContainsKey("quartz_job_name"));
        }
        finally
        {
            await scheduler.Start();
        }
    }

    [Fact]
    public async Task Queue_gauges_appear_once_counted_and_are_labelled_by_kind()
    {
        using var client = fixture.Scraper(fixture.Token);
        List<(Dictionary<string, string> Labels, double Value)> errors = [];

        await WaitForAsync(async () =>
        {
            errors = PrometheusText.Samples(await client.GetStringAsync("metrics"), "crmgov_error_queue_open");
            return errors.Count > 0;
        }, "the queue gauges' first count");

        Assert.Equal(["Failed", "Inbound", "Rejected", "Review"], errors.Select(s => s.Labels["kind"]).Order());
    }

    private Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query) => QueryAsync(fixture.Host, query);

    internal static async Task<T> QueryAsync<T>(PortalHost host, Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Waited two minutes for {what}.");
            await Task.Delay(250);
        }
    }
}
