using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmGovernance.Benchmarks.Hosting;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Webhook;

/// <summary>
/// The inbound webhook under load: the portal with one webhook system and one key (rate limit lifted), driven over
/// loopback by many concurrent requests, alternating JSON and form bodies. Prints accepted requests per second and
/// latency percentiles; checks that the inbox holds every accepted request.
/// </summary>
public sealed class WebhookBenchmark : IBenchmarkCommand
{
    private const int WarmUpRequests = 5_000;
    private const string Path = "api/inbound/website/contact";

    public string Name => "webhook";

    public string Usage => "inbound webhook throughput and p99 latency  [--requests 20000] [--concurrency 64] [--environment Production] " + BenchmarkDatabase.Usage;

    public async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var requests = options.Number("requests", 20_000);
        var concurrency = options.Number("concurrency", 64);
        var environment = options.Text("environment", "Production");

        // Declared first, so disposed last: the portal stops before its database is dropped.
        await using var database = await BenchmarkDatabase.CreateAsync(options, cancellationToken);
        using var portal = new BenchmarkPortal(new Dictionary<string, string>(database.Settings)
        {
            // One key sends everything here: the per-key limit would measure the limiter, not the endpoint.
            ["Inbound:PermitsPerSecond"] = "10000000",
            ["Inbound:Burst"] = "10000000",
        }, environment);
        await portal.PublishAsync(Configuration());
        var issued = await portal.AsAdminAsync(s => s.GetRequiredService<InboundKeyService>().IssueAsync("website", "benchmark"));
        if (!issued.Succeeded)
        {
            Console.Error.WriteLine("Could not issue a key: " + string.Join(" ", issued.Outcome.Errors));
            return 1;
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = portal.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", issued.Issued!.Key);

        using var commits = new CommitStatistics();
        // Warm-up: JIT (tiered compilation promotes hot code in the background), connections, SQLite page cache.
        await DriveAsync(client, WarmUpRequests, concurrency, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        commits.Reset();
        var before = await InboxCountAsync(portal);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = await DriveAsync(client, requests, concurrency, cancellationToken);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var stored = await InboxCountAsync(portal) - before;

        var perSecond = run.Accepted / run.Elapsed.TotalSeconds;
        var p99 = run.Percentile(0.99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"webhook: {requests:N0} requests, {concurrency} in flight, portal database {database.Description}, {Environment.ProcessorCount} cores, {run.Elapsed.TotalSeconds:F2} s"));
        // Client and server share this machine's cores: other work on it shows in these two figures.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu_ms_per_request={cpu.TotalMilliseconds / requests:F3} (client and server) load_average={LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accepted={run.Accepted} refused={run.Refused} failed={run.Failed} stored_in_inbox={stored}"));
        // Each request waits for one commit (and often the end of the one before it): a slow disk sync shows here first.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"commits={commits.Commits} rows_per_commit={commits.RowsPerCommit:F1} commit_ms p50={commits.Percentile(0.50):F1} p99={commits.Percentile(0.99):F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency_ms p50={run.Percentile(0.50):F1} p90={run.Percentile(0.90):F1} p99={p99:F1} max={run.Percentile(1):F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"webhook_accepted_per_second={perSecond:F0} p99_ms={p99:F1}"));
        return run.Accepted == requests && stored == requests ? 0 : 1;
    }

    private static GovernanceConfiguration Configuration()
    {
        const string owner = "benchmark@example.com";
        return new GovernanceConfiguration
        {
            Systems =
            [
                new ConnectedSystem
                {
                    Id = Guid.NewGuid(), Key = "website", Name = "Website", Kind = SystemKind.WebsiteCms,
                    ConnectorType = WebhookSystems.ConnectorType, Owner = owner, Status = SystemStatus.Active,
                },
            ],
            Objects = StandardObjects.All(owner, owner),
        };
    }

    private static async Task<LoadRun> DriveAsync(HttpClient client, int count, int concurrency, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var next = -1;
        int accepted = 0, refused = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && !cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync(Path, Body(i), cancellationToken);
                    Interlocked.Increment(ref response.StatusCode == HttpStatusCode.Accepted ? ref accepted : ref refused);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        clock.Stop();
        Array.Sort(latencies);
        return new LoadRun(clock.Elapsed, accepted, refused, failed, latencies);
    }

    /// <summary>A web-form-like contact: even requests as JSON, odd ones form-encoded (encoded here, not timed in the server).</summary>
    private static ByteArrayContent Body(int i)
    {
        var email = string.Create(CultureInfo.InvariantCulture, $"visitor{i}@example.com");
        var (text, type) = i % 2 == 0
            ? ($$"""{"email":"{{email}}","first_name":"Ada","last_name":"Lovelace","phone":"+44 20 7946 0000","message":"Please call me back about the offer.","consent":true}""",
                "application/json")
            : ($"email={Uri.EscapeDataString(email)}&first_name=Grace&last_name=Hopper&phone=%2B1+202+555+0100&message=Please+call+me+back+about+the+offer.&consent=on",
                "application/x-www-form-urlencoded");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static Task<int> InboxCountAsync(BenchmarkPortal portal) =>
        portal.AsAdminAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.InboxItems.CountAsync();
        });

    private sealed record LoadRun(TimeSpan Elapsed, int Accepted, int Refused, int Failed, double[] SortedLatencies)
    {
        public double Percentile(double p) =>
            SortedLatencies.Length == 0 ? 0 : SortedLatencies[Math.Clamp((int)Math.Ceiling(p * SortedLatencies.Length) - 1, 0, SortedLatencies.Length - 1)];
    }
}
