using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Review;

/// <summary>
/// A decision taken on the comparison screen records how long the steward had the item open and tells the insights, whose
/// steward-time card then shows it.
/// </summary>
public sealed class StewardTimeTests
{
    private static async Task<(ReviewTargetHost Host, long Item)> HeldAsync()
    {
        var host = await ReviewTargetHost.StartAsync();
        await host.ContactAsync("crm-7", "thomas.stevens@gmail.com", "Thomas", "Stevens", "+442079460001", DateTime.UtcNow.AddDays(-3));
        var id = await host.ItemAsync("web-1", "crm-7", score: 0.999);
        await host.QueryAsync(db => db.ReviewItems.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ProposedChangesJson,
            ReviewJson.ProposedChanges([new ProposedFieldChange("email", "Email", "thomas.stevens@gmail.com", "tom.stevens@work.example")]))));
        return (host, id);
    }

    [Fact]
    public async Task Applying_a_held_change_records_the_steward_time_and_the_dashboard_counts_the_decision()
    {
        var (host, item) = await HeldAsync();
        await using var _ = host;
        var insights = Insights(host);
        await insights.DispatchOnceAsync(CancellationToken.None);

        var outcome = await host.AsAsync<HeldChangeService, ReviewOutcome>(s => s.ApplyAsync(item, DateTime.UtcNow.AddSeconds(-95)));

        Assert.True(outcome.Succeeded, outcome.Error);
        var seconds = (await host.QueryAsync(db => db.ReviewItems.AsNoTracking().SingleAsync(r => r.Id == item))).HandlingSeconds;
        Assert.InRange(seconds ?? 0, 95, 110);
        var raised = await host.QueryAsync(db => db.OperationsEvents.AsNoTracking().Where(e => e.Kind == OperationsEventKinds.Of<ReviewItemsDecided>()).ToListAsync());
        Assert.Single(raised);
        Assert.Equal(1, await insights.DispatchOnceAsync(CancellationToken.None));
        var card = await StewardTimeCardAsync(host);
        Assert.Equal(seconds, card.Value);
        Assert.Equal("1 decisions", card.Note);
    }

    [Fact]
    public async Task A_pair_left_open_over_lunch_counts_at_most_thirty_minutes()
    {
        var (host, item) = await HeldAsync();
        await using var _ = host;

        var outcome = await host.AsAsync<HeldChangeService, ReviewOutcome>(s => s.DismissAsync(item, DateTime.UtcNow.AddHours(-2)));

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(HandlingTime.Cap.TotalSeconds, (await host.QueryAsync(db => db.ReviewItems.AsNoTracking().SingleAsync(r => r.Id == item))).HandlingSeconds);
    }

    [Fact]
    public async Task A_bulk_not_duplicate_decision_counts_every_pair_without_a_steward_time()
    {
        await using var host = await ReviewTargetHost.StartAsync();
        long[] ids = [await host.ItemAsync("crm-1", "crm-2"), await host.ItemAsync("crm-3", "crm-4")];
        var insights = Insights(host);
        await insights.DispatchOnceAsync(CancellationToken.None);

        var marked = await host.AsAsync<ReviewDecisions, int>(d => d.NotDuplicateAsync(ids, null, DateTime.UtcNow.AddSeconds(-40)));

        Assert.Equal(2, marked);
        Assert.All(await host.QueryAsync(db => db.ReviewItems.AsNoTracking().ToListAsync()), r => Assert.Null(r.HandlingSeconds));
        Assert.Equal(1, await insights.DispatchOnceAsync(CancellationToken.None));
        var card = await StewardTimeCardAsync(host);
        Assert.Equal("2 decisions", card.Note);
        Assert.Equal(0, card.Value);
    }

    [Fact]
    public async Task Not_a_duplicate_from_the_comparison_screen_records_the_steward_time()
    {
        await using var host = await ReviewTargetHost.StartAsync();
        var id = await host.ItemAsync("crm-1", "crm-2");

        await host.AsAsync<ReviewDecisions, int>(d => d.NotDuplicateAsync([id], "Two people", DateTime.UtcNow.AddSeconds(-30)));

        var item = await host.QueryAsync(db => db.ReviewItems.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(ReviewStatus.NotDuplicate, item.Status);
        Assert.InRange(item.HandlingSeconds ?? 0, 30, 45);
    }

    /// <summary>
    /// Hands the outbox's events to the insights subscriber, as the portal's dispatcher does. Its first pass only
    /// registers the subscriber at the outbox's head.
    /// </summary>
    private static OperationsEventDispatcher Insights(ReviewTargetHost host)
    {
        var services = host.Host.Services;
        return new OperationsEventDispatcher(services.GetRequiredService<DbContextOptions<CrmDbContext>>(), [services.GetRequiredService<InsightsSubscriber>()],
            services.GetRequiredService<OperationsEventSignal>(), Options.Create(new OperationsEventsOptions()), TimeProvider.System,
            NullLogger<OperationsEventDispatcher>.Instance);
    }

    private static async Task<InsightCard> StewardTimeCardAsync(ReviewTargetHost host)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var data = await host.AsAsync<InsightsDashboard, DashboardData>(d => d.LoadAsync(InsightsFilter.LastDays(today, 1)), Roles.Manager);
        return data.Cards.Single(c => c.Key == InsightCards.StewardTime);
    }
}
