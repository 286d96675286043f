using System.Diagnostics;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun.History;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Insights.Sources;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static CrmGovernance.Web.Tests.Sync.InboundPortal;

namespace CrmGovernance.Web.Tests.FirstRun;

/// <summary>
/// The live demo with its generated history (Demo:History, outages off): the history is rolled up at the first start,
/// and the runs the live demo adds afterwards are rolled up by the insights subscriber on top of it.
/// </summary>
public sealed class LiveDemoHistoryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_live_demo_adds_its_runs_to_the_rolled_up_history()
    {
        var watch = Stopwatch.StartNew();
        using var host = new PortalHost(demo: true, settings: new Dictionary<string, string>
        {
            ["Demo:Live"] = "true", ["Demo:History"] = "true", ["Demo:Outages"] = "false",
            ["Demo:WebsiteEverySeconds"] = "2", ["Sync:InboxPollSeconds"] = "5",
        });
        output.WriteLine($"Portal started with the demo history in {watch.Elapsed.TotalSeconds:0.0} s");
        var history = await QueryAsync(host, db => db.SyncRuns.CountAsync(r => r.StartedBy == DemoHistory.StartedBy));
        var rolledUp = await QueryAsync(host, db => db.Set<MetricContribution>().CountAsync(c => c.Key.StartsWith("run:")));
        Assert.True(history > 1_000, $"{history} history runs");
        Assert.Equal(history, rolledUp);

        // A live run that finished a while after the start (the subscriber begins at the outbox's head), rolled up.
        long? counted = null;
        while (watch.Elapsed < Limit && counted is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var live = await QueryAsync(host, db => db.SyncRuns.Where(r => r.StartedBy != DemoHistory.StartedBy && r.FinishedUtc != null && !r.DryRun)
                .OrderByDescending(r => r.Id).Select(r => r.Id).Take(20).ToListAsync());
            var keys = live.Select(RunContribution.KeyOf).ToList();
            var found = await QueryAsync(host, db => db.Set<MetricContribution>().Where(c => keys.Contains(c.Key)).Select(c => c.Key).ToListAsync());
            counted = found.Count > 0 ? live.First(id => found.Contains(RunContribution.KeyOf(id))) : null;
        }
        output.WriteLine($"Live run {counted} rolled up after {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.NotNull(counted);

        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-manager", "manager@example.com", [Roles.Manager], "ui");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var data = await scope.ServiceProvider.GetRequiredService<InsightsDashboard>().LoadAsync(InsightsFilter.LastDays(today, 70));
        Assert.True(data.HasData);
        Assert.Contains(data.Versions, v => v.Number == 2 && v.Title == DemoHistory.GoLiveTitle);
    }
}
