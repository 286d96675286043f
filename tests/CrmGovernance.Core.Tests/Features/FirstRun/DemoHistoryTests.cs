using System.Diagnostics;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.FirstRun.History;
using CrmGovernance.Core.Features.Insights.Baselines;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmGovernance.Core.Tests.Features.FirstRun;

/// <summary>The demo's generated past: written once at the first start, and the go-live improvement visible on the dashboard.</summary>
public sealed class DemoHistoryTests(ITestOutputHelper output)
{
    /// <summary>The demo without its live systems: only the accounts, the configuration and the history.</summary>
    private static readonly Dictionary<string, string?> Demo = new() { ["Demo:Live"] = "false" };

    [Fact]
    public async Task The_history_is_written_once_however_often_the_demo_starts()
    {
        await using var host = await CoreTestHost.StartAsync(Demo);
        var watch = Stopwatch.StartNew();
        await StartAsync(host);
        output.WriteLine($"First start with demo history: {watch.Elapsed.TotalSeconds:0.00} s");
        var first = await CountsAsync(host);
        await StartAsync(host);

        Assert.Equal(first, await CountsAsync(host));
        Assert.True(first.Runs > 1_000, $"only {first.Runs} history runs");
        Assert.Equal(2, first.Versions);
        Assert.Equal(1, first.Baselines);
    }

    [Fact]
    public async Task Lead_response_and_the_duplicate_rate_improve_after_go_live_against_the_named_baseline()
    {
        await using var host = await CoreTestHost.StartAsync(Demo);
        await StartAsync(host);
        var time = DemoHistoryTimeline.At(host.Clock.GetUtcNow().UtcDateTime);
        await using var scope = host.ScopeAs("manager@example.com", Roles.Manager);
        var dashboard = scope.ServiceProvider.GetRequiredService<InsightsDashboard>();

        var data = await dashboard.LoadAsync(new InsightsFilter(DateOnly.FromDateTime(time.GoLiveUtc).AddDays(1), DateOnly.FromDateTime(time.EndUtc),
            ObjectId: StandardObjects.Contact));

        Assert.Equal(DemoHistoryTimeline.BaselineName, data.Baseline.Name);
        var p50 = data.Cards.Single(c => c.Key == InsightCards.LeadResponseP50);
        output.WriteLine($"Lead response p50: {p50.Value:0} s after go-live, {p50.Baseline:0} s before");
        Assert.True(p50.Value < 120 && p50.Baseline > 1_800, $"p50 {p50.Value} s after, {p50.Baseline} s before");
        var duplicates = data.Cards.Single(c => c.Key == InsightCards.DuplicateRate);
        Assert.True(duplicates.Value < duplicates.Baseline, $"duplicate rate {duplicates.Value} after, {duplicates.Baseline} before");
        var review = data.Cards.Single(c => c.Key == InsightCards.ReviewPerThousand);
        Assert.True(review.Value < review.Baseline, $"review queue {review.Value} per 1,000 after, {review.Baseline} before");
    }

    [Fact]
    public async Task The_go_live_version_changed_the_web_form_and_order_flows_and_left_opportunities_as_the_control()
    {
        await using var host = await CoreTestHost.StartAsync(Demo);
        await StartAsync(host);
        await using var scope = host.ScopeAs("manager@example.com", Roles.Manager);

        var comparison = await scope.ServiceProvider.GetRequiredService<InsightsComparison>().CompareAsync(2, 14);

        Assert.Equal(DemoHistory.GoLiveTitle, comparison.Title);
        Assert.Equal(new[] { DemoConfiguration.OrdersFlow, DemoConfiguration.WebFormFlow }.Order(), comparison.ChangedFlows.Select(f => f.Id).Order());
        Assert.Equal([DemoConfiguration.OpportunitiesFlow], comparison.ControlFlows.Select(f => f.Id));
        var leads = comparison.Rows.Single(r => r.Key == InsightCards.LeadResponseP50);
        Assert.True(leads.ChangedAfter < leads.ChangedBefore, $"lead response {leads.ChangedBefore} s before, {leads.ChangedAfter} s after");
    }

    [Fact]
    public async Task The_records_listed_behind_the_rejections_card_are_the_records_it_counts()
    {
        await using var host = await CoreTestHost.StartAsync(Demo);
        await StartAsync(host);
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var filter = new InsightsFilter(today.AddDays(-27), today, FlowId: DemoConfiguration.OrdersFlow);
        await using var scope = host.ScopeAs("manager@example.com", Roles.Manager);

        var card = (await scope.ServiceProvider.GetRequiredService<InsightsDashboard>().LoadAsync(filter)).Cards.Single(c => c.Key == InsightCards.Rejections);
        var records = await scope.ServiceProvider.GetRequiredService<InsightsDrill>().RecordsAsync(new DrillQuery(InsightCards.Rejections, filter), null, 1, 1_000);

        Assert.True(card.Value > 0);
        Assert.Equal(card.Value, records.Total);
        Assert.All(records.Items, r => Assert.Equal(nameof(OutcomeKind.Rejected), r.Outcome));
    }

    [Fact]
    public async Task The_history_service_writes_once_and_says_what_it_wrote()
    {
        await using var host = await CoreTestHost.StartAsync(Demo);
        var live = DemoConfiguration.Build("owner@demo.crmgovernance.local", "steward@demo.crmgovernance.local");
        await using var scope = host.Scope(a => a.SetSystem("startup", null));
        var history = scope.ServiceProvider.GetRequiredService<DemoHistory>();

        var first = await history.SeedIfEmptyAsync(live);
        var second = await history.SeedIfEmptyAsync(live);

        Assert.NotNull(first);
        Assert.Null(second);
        output.WriteLine($"{first.Runs:N0} runs, {first.Outcomes:N0} outcomes written in {first.Written.TotalSeconds:0.00} s; "
            + $"rebuild {first.Rollups.Runs:N0} runs, {first.Rollups.Units:N0} units, {first.Rollups.Buckets:N0} buckets in {first.Rollups.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal(first.Runs, first.Rollups.Runs);
    }

    /// <summary>What a portal start does once the schema is migrated: the startup steps, as the system.</summary>
    internal static async Task StartAsync(CoreTestHost host)
    {
        await using var scope = host.Scope(a => a.SetSystem("startup", null));
        foreach (var step in scope.ServiceProvider.GetServices<IStartupStep>())
        {
            await step.RunAsync(CancellationToken.None);
        }
    }

    private static async Task<(int Runs, int Outcomes, int Reviews, int Versions, int Baselines)> CountsAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return (await db.SyncRuns.CountAsync(r => r.StartedBy == DemoHistory.StartedBy), await db.RecordOutcomes.CountAsync(), await db.ReviewItems.CountAsync(),
            await db.ConfigurationVersions.CountAsync(), await db.Set<InsightsBaseline>().CountAsync());
    }
}
