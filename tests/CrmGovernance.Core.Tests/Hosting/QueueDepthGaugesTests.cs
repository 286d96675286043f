using System.Diagnostics.Metrics;
using CrmGovernance.Core.Hosting.Telemetry;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Hosting;

/// <summary>The queue gauges report cached counts: the first scrape starts a count, later ones read it until it is old.</summary>
public sealed class QueueDepthGaugesTests
{
    [Fact]
    public async Task Scrapes_read_the_last_count_and_the_database_is_counted_again_only_when_it_is_old()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        var gauges = f.Host.Services.GetRequiredService<QueueDepthGauges>();
        using var telemetry = new TelemetryRecorder(scope: f.Host.Services.GetRequiredService<IMeterFactory>());
        await f.PersonAsync("a", "not-an-email");
        await f.RunAsync();

        var first = Scrape(telemetry);
        var counted = await ScrapeUntilCountedAsync(telemetry);
        await f.PersonAsync("b", "also-not-an-email");
        await f.RunAsync();
        var cached = Scrape(telemetry);
        await gauges.RefreshAsync(CancellationToken.None);
        var refreshed = Scrape(telemetry);

        Assert.Equal(0, first);
        Assert.Equal(1, counted);
        Assert.Equal(1, cached);
        Assert.Equal(2, refreshed);
        Assert.Equal(0, telemetry.Sum("crmgov.error_queue.open", ("kind", "Failed")));
        Assert.Equal(0, telemetry.Sum("crmgov.review_queue.pending", ("kind", "duplicate")));
        Assert.Equal(1, telemetry.Count("crmgov.review_queue.pending", ("kind", "held_change")));
    }

    /// <summary>One scrape: the open rejected items it reports (0 when it reports none yet).</summary>
    private static double Scrape(TelemetryRecorder telemetry)
    {
        telemetry.Measurements.Clear();
        telemetry.Observe();
        return telemetry.Sum("crmgov.error_queue.open", ("kind", "Rejected"));
    }

    private static async Task<double> ScrapeUntilCountedAsync(TelemetryRecorder telemetry)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Scrape(telemetry) is > 0 and var count)
            {
                return count;
            }
            await Task.Delay(50);
        }
        return 0;
    }
}
