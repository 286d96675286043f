using System.Diagnostics;
using CrmGovernance.Core.Features.Systems.Connectors;
using static CrmGovernance.Core.Tests.Features.Systems.Connectors.Records;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Rest;

/// <summary>The REST connector against an API that fails: retries must not duplicate, and a dead API must stop the run fast.</summary>
public sealed class RestConnectorResilienceTests
{
    private static Dictionary<string, string> Settings(FakeApi api, string concurrency = "8") => new()
    {
        ["baseUrl"] = api.BaseUrl, ["auth"] = "bearer", ["concurrency"] = concurrency,
    };

    [Fact]
    public async Task Writing_500_records_through_an_api_failing_30_percent_of_calls_stores_each_exactly_once()
    {
        await using var api = await FakeApi.StartAsync();
        api.RequiredToken = "secret-token";
        // Record n fails by n % 10 on its first attempt: 1 with 500 (and again on the 2nd for every other one), 4 applied but
        // answered too late, 7 with 429 + Retry-After (1 s for the first two, else 503), 9 with 502: about 30% of all calls.
        api.Fault = (request, id, attempt) => id is null || request.Method == "GET" ? null : (int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture), attempt) switch
        {
            (var n, 1) when n % 10 == 1 => new Fault(500),
            (var n, 2) when n % 20 == 1 => new Fault(500),
            (var n, 1) when n % 10 == 4 => new Fault(200, ApplyFirst: true, Delay: TimeSpan.FromSeconds(1.5)),
            (var n, 1) when n % 10 == 7 => n < 20 ? new Fault(429, RetryAfterSeconds: 1) : new Fault(503),
            (var n, 1) when n % 10 == 9 => new Fault(502),
            _ => null,
        };
        await using var host = ConnectorTestHost.Start(new Dictionary<string, string?>
        {
            [FakeApi.AllowLoopbackSetting] = "127.0.0.1",
            ["Sync:Http:AttemptTimeoutSeconds"] = "0.5", ["Sync:Http:TotalTimeoutSeconds"] = "20", ["Sync:Http:RetryDelaySeconds"] = "0.05",
        });
        await using var connector = host.Open("crm", "rest", Settings(api), new Dictionary<string, string> { ["token"] = "secret-token" });
        var writes = Enumerable.Range(0, 500).Select(n => New($"c{n:D4}", ("email", $"c{n}@example.test"), ("updated_at", "2026-03-01T00:00:00Z"))).ToList();

        var results = await connector.WriteBatchAsync("contact", writes, CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(writes.Select(w => w.Id).Order(StringComparer.Ordinal), api.Contacts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(500, api.Applied.Count);
        Assert.All(api.Applied.Values, applied => Assert.Equal(1, applied));
        Assert.True(api.Duplicates >= 45, $"The late answers were retried with the same Idempotency-Key ({api.Duplicates} duplicates seen).");
        Assert.InRange((double)api.Failures / api.Calls, 0.2, 0.35); // retries of slow answers under load add calls
        foreach (var id in new[] { "c0007", "c0017" })
        {
            var attempts = api.Log.Where(l => l.RecordId == id).OrderBy(l => l.Attempt).ToList();
            Assert.True(attempts[1].AtUtc - attempts[0].AtUtc >= TimeSpan.FromSeconds(0.9), $"The retry of {id} waited for Retry-After: 1.");
        }
    }

    [Fact]
    public async Task An_api_failing_every_call_opens_the_circuit_and_the_connector_reports_system_unavailable_quickly()
    {
        await using var api = await FakeApi.StartAsync();
        api.Fault = (_, _, _) => new Fault(500);
        await using var host = ConnectorTestHost.Start(new Dictionary<string, string?>
        {
            [FakeApi.AllowLoopbackSetting] = "127.0.0.1",
            ["Sync:Http:AttemptTimeoutSeconds"] = "1", ["Sync:Http:TotalTimeoutSeconds"] = "5", ["Sync:Http:MaxRetries"] = "2",
            ["Sync:Http:RetryDelaySeconds"] = "0.01", ["Sync:Http:BreakerMinimumThroughput"] = "5", ["Sync:Http:BreakerSamplingSeconds"] = "5",
            ["Sync:Http:BreakerBreakSeconds"] = "60",
        });
        var system = host.System("crm", "rest", Settings(api, concurrency: "4"), new Dictionary<string, string> { ["token"] = "t" });
        var writes = Enumerable.Range(0, 200).Select(n => New($"c{n:D4}", ("email", "x@example.test"))).ToList();
        var clock = Stopwatch.StartNew();

        await using (var first = host.Factory.Open(system))
        {
            await Assert.ThrowsAsync<SystemUnavailableException>(() => first.WriteBatchAsync("contact", writes, CancellationToken.None));
        }
        var callsWhenOpen = api.Calls;
        // The next connector of the same system (a flow's run opens many) finds the circuit still open: no call goes out.
        await using var second = host.Factory.Open(system);
        var error = await Assert.ThrowsAsync<SystemUnavailableException>(() => second.ReadChangesAsync("contact", null, 100, CancellationToken.None));
        // Another system on the same API has its own circuit.
        await using var other = host.Open("erp", "rest", Settings(api), new Dictionary<string, string> { ["token"] = "t" });
        await Assert.ThrowsAsync<SystemUnavailableException>(() => other.ReadChangesAsync("contact", null, 100, CancellationToken.None));

        Assert.Contains("circuit open", error.Message, StringComparison.Ordinal);
        Assert.InRange(callsWhenOpen, 5, 30);
        Assert.True(api.Calls > callsWhenOpen, "The other system's calls reached the API.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Gave up after {clock.Elapsed}.");
    }
}
