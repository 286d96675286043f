using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Digest;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Notifications;
using CrmGovernance.Core.Tests.Features.Insights.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using M = CrmGovernance.Core.Features.Insights.Rollups.InsightMetric;

namespace CrmGovernance.Core.Tests.Features.Insights.Digest;

public sealed class WeeklyDigestTests
{
    private static readonly DigestWeek W09 = new(new DateOnly(2026, 2, 23));

    [Fact]
    public void The_digest_covers_the_last_whole_week_whatever_day_it_runs()
    {
        Assert.Equal(W09, DigestWeek.LastWholeWeekBefore(new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(W09, DigestWeek.LastWholeWeekBefore(new DateTime(2026, 3, 8, 23, 59, 0, DateTimeKind.Utc)));
        Assert.Equal("2026-W09", W09.Key);
        Assert.Equal(new DateOnly(2026, 3, 1), W09.Sunday);
    }

    [Fact]
    public async Task The_digest_compares_last_week_with_the_week_before_and_names_the_three_places_that_hurt_most()
    {
        await using var f = await WeekOfFigures.StartAsync();

        var content = await f.Host.Singleton<WeeklyDigestComposer>().ComposeAsync(W09);

        Assert.Equal(WeeklyDigestComposer.Figures, content.Figures.Select(c => c.Key));
        var success = content.Figures.Single(c => c.Key == InsightCards.SuccessRate);
        Assert.Equal(0.96, success.Value!.Value, 6);
        Assert.Equal(1.0, success.Baseline!.Value, 6);
        Assert.False(success.Improved);
        var moved = content.Figures.Single(c => c.Key == InsightCards.RecordsMoved);
        Assert.Equal((1580d, 1681d), (moved.Value, moved.Baseline));
        var prevented = content.Figures.Single(c => c.Key == InsightCards.DuplicatesPrevented);
        Assert.Equal((12d, 8d, true), (prevented.Value, prevented.Baseline, prevented.Improved));
        var completeness = content.Figures.Single(c => c.Key == InsightCards.Completeness);
        Assert.Equal((0.95, 0.9), (completeness.Value, completeness.Baseline));

        // Records rejected, failed or held for review this week: web form 30, orders 20, legacy A 5, legacy B 1, opportunities 0.
        Assert.Equal([WeekOfFigures.WebForm, WeekOfFigures.Orders, WeekOfFigures.LegacyA], content.Hotspots.Select(h => h.Id));
        var orders = content.Hotspots[1];
        Assert.Equal(("Shop orders to CRM", DigestPlace.Flow, 20d, 5d, 15d, 500d, 40d),
            (orders.Name, orders.Place, orders.Hurt, orders.HurtBefore, orders.Change, orders.Processed, orders.PerThousand));
        Assert.Equal((5d, 0d, "(a flow no longer configured)"), (content.Hotspots[2].Hurt, content.Hotspots[2].HurtBefore, content.Hotspots[2].Name));
    }

    [Fact]
    public async Task A_flow_as_bad_as_every_week_is_named_first_and_one_improving_but_still_bad_still_appears()
    {
        await using var f = await WeekOfFigures.StartAsync();
        // Opportunities: 70 failed records this week and 66 (+ 4 rejected) the week before. Orders: 80 more failed the week
        // before, so 20 this week against 85. Ranked by this week: opportunities 70, web form 30, orders 20 (legacy A's 5 drops).
        await f.Host.Singleton<RollupWriter>().ApplyAsync(
        [
            ("test:opps:steady-now", [Item(M.Failed, WeekOfFigures.Opportunities, StandardObjects.Opportunity, WeekOfFigures.ThisWeek, 70)]),
            ("test:opps:steady-before", [Item(M.Failed, WeekOfFigures.Opportunities, StandardObjects.Opportunity, WeekOfFigures.WeekBefore, 66)]),
            ("test:orders:bad-before", [Item(M.Failed, WeekOfFigures.Orders, StandardObjects.Order, WeekOfFigures.WeekBefore, 80)]),
        ], CancellationToken.None);

        var content = await f.Host.Singleton<WeeklyDigestComposer>().ComposeAsync(W09);

        Assert.Equal([WeekOfFigures.Opportunities, WeekOfFigures.WebForm, WeekOfFigures.Orders], content.Hotspots.Select(h => h.Id));
        Assert.Equal((70d, 70d, 0d), (content.Hotspots[0].Hurt, content.Hotspots[0].HurtBefore, content.Hotspots[0].Change));
        Assert.Equal((20d, 85d, -65d), (content.Hotspots[2].Hurt, content.Hotspots[2].HurtBefore, content.Hotspots[2].Change));
        var body = WeeklyDigestText.Body(content, null);
        Assert.Contains("1. CRM opportunities to marketing (flow): 70 needing a hand (no change from 70 the week before); 70 records (350.0 per 1,000 processed), 0 incidents.",
            body, StringComparison.Ordinal);
        Assert.Contains("3. Shop orders to CRM (flow): 20 needing a hand (-65 from 85 the week before)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_entries_outside_any_flow_and_incidents_name_objects_and_systems_and_a_flows_queue_entries_count_once()
    {
        await using var f = await WeekOfFigures.StartAsync();
        var week = new DigestWeek(new DateOnly(2026, 2, 9));
        var at = new DateTime(2026, 2, 11, 9, 0, 0, DateTimeKind.Utc);
        await f.Host.Singleton<RollupWriter>().ApplyAsync(
        [
            // A duplicate scan's pairs held for review: no flow, the contacts object.
            ("test:scan-review", [Item(M.ReviewEntered, Guid.Empty, StandardObjects.Contact, at, 8)]),
            // The web form's 5 records held for review, seen both as outcomes and as queue entries: 5, not 10.
            ("test:web-review", [Item(M.Queued, WeekOfFigures.WebForm, StandardObjects.Contact, at, 5), Item(M.ReviewEntered, WeekOfFigures.WebForm, StandardObjects.Contact, at, 5)]),
            ("test:shop-incidents", [new ContributionItem(M.IncidentsOpened, Guid.Empty, Guid.Empty, DemoConfiguration.Shop, Guid.Empty, "", at, 2)]),
        ], CancellationToken.None);

        var hotspots = (await f.Host.Singleton<WeeklyDigestComposer>().ComposeAsync(week)).Hotspots;

        Assert.Equal([(DigestPlace.BusinessObject, StandardObjects.Contact, 8d), (DigestPlace.Flow, WeekOfFigures.WebForm, 5d), (DigestPlace.System, DemoConfiguration.Shop, 2d)],
            hotspots.Select(h => (h.Place, h.Id, h.Hurt)));
        Assert.Equal(2d, hotspots[2].Incidents);
        Assert.Contains($"&system={DemoConfiguration.Shop:D}", WeeklyDigestText.DashboardLink(week, hotspots[2]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_week_where_nothing_hurt_says_so()
    {
        await using var f = await WeekOfFigures.StartAsync();

        var content = await f.Host.Singleton<WeeklyDigestComposer>().ComposeAsync(new DigestWeek(new DateOnly(2026, 1, 26)));

        Assert.Empty(content.Hotspots);
        Assert.Contains("- Nowhere: no record was rejected, failed or held for review, and no incident was opened.", WeeklyDigestText.Body(content, null), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_email_shows_arrows_and_links_each_place_to_its_filtered_dashboard()
    {
        await using var f = await WeekOfFigures.StartAsync();
        var content = await f.Host.Singleton<WeeklyDigestComposer>().ComposeAsync(W09);

        var body = WeeklyDigestText.Body(content, "https://crm.example.com/");

        Assert.Contains("- Sync success: 96.0% ↓ from 100.0% (worse)", body, StringComparison.Ordinal);
        Assert.Contains("- Records moved: 1,580 ↓ from 1,681 (worse)", body, StringComparison.Ordinal);
        Assert.Contains("- Duplicates prevented: 12 ↑ from 8 (better)", body, StringComparison.Ordinal);
        Assert.Contains("2. Shop orders to CRM (flow): 20 needing a hand (+15 from 5 the week before); 20 records (40.0 per 1,000 processed), 0 incidents.",
            body, StringComparison.Ordinal);
        Assert.Contains($"https://crm.example.com/insights?from=2026-02-23&to=2026-03-01&flow={WeekOfFigures.Orders:D}", body, StringComparison.Ordinal);
        Assert.Equal("Insights for the week 2026-W09: 2 figures better, 2 worse", WeeklyDigestText.Subject(content));
    }

    [Fact]
    public async Task Each_active_manager_gets_the_week_once_however_often_the_job_runs()
    {
        await using var f = await WeekOfFigures.StartAsync();
        await f.Host.CreateUserAsync("max@example.com", Roles.Manager);
        await f.Host.CreateUserAsync("mia@example.com", Roles.Manager);
        await f.Host.CreateUserAsync("quiet@example.com", Roles.Manager);
        var gone = await f.Host.CreateUserAsync("gone@example.com", Roles.Manager);
        await f.Host.CreateUserAsync("ada@example.com", Roles.Admin);
        await WriteAsync(f, db =>
        {
            db.Users.Single(u => u.Id == gone).IsDisabled = true;
            db.Add(new NotificationPreference { UserEmail = "quiet@example.com", EmailEnabled = false });
        });
        var digest = f.Host.Singleton<WeeklyDigest>();

        Assert.Equal(2, await digest.QueueAsync(CancellationToken.None));
        Assert.Equal(0, await digest.QueueAsync(CancellationToken.None));
        // Two nodes at once: the outbox's unique key lets one of them queue each person's week.
        var second = new WeeklyDigest(f.Host.Singleton<IServiceScopeFactory>(), f.Host.Singleton<WeeklyDigestComposer>(),
            f.Host.Singleton<Microsoft.Extensions.Options.IOptions<InsightsDigestOptions>>(),
            f.Host.Singleton<Microsoft.Extensions.Options.IOptions<NotificationOptions>>(), f.Host.Clock);
        var again = await Task.WhenAll(digest.QueueAsync(CancellationToken.None), second.QueueAsync(CancellationToken.None));
        Assert.Equal(0, again.Sum());

        var deliveries = await DigestsAsync(f);
        Assert.Equal(["insights-digest:max@example.com:2026-W09", "insights-digest:mia@example.com:2026-W09"], deliveries.Select(d => d.DedupKey).Order());
        Assert.All(deliveries, d => Assert.StartsWith("Insights for the week 2026-W09", d.Subject, StringComparison.Ordinal));

        f.Host.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(2, await digest.QueueAsync(CancellationToken.None));
        Assert.Equal(4, (await DigestsAsync(f)).Count);
    }

    [Fact]
    public async Task Two_nodes_queueing_the_same_week_at_once_send_it_once()
    {
        await using var f = await WeekOfFigures.StartAsync();
        await f.Host.CreateUserAsync("max@example.com", Roles.Manager);
        var one = f.Host.Singleton<WeeklyDigest>();
        var two = new WeeklyDigest(f.Host.Singleton<IServiceScopeFactory>(), f.Host.Singleton<WeeklyDigestComposer>(),
            f.Host.Singleton<Microsoft.Extensions.Options.IOptions<InsightsDigestOptions>>(),
            f.Host.Singleton<Microsoft.Extensions.Options.IOptions<NotificationOptions>>(), f.Host.Clock);

        var queued = await Task.WhenAll(one.QueueAsync(CancellationToken.None), two.QueueAsync(CancellationToken.None));

        Assert.Equal(1, queued.Sum());
        Assert.Single(await DigestsAsync(f));
    }

    private static ContributionItem Item(string metric, Guid flow, Guid objectId, DateTime at, double value) =>
        new(metric, flow, objectId, DemoConfiguration.Website, DemoConfiguration.Crm, "", at, value);

    private static async Task<List<NotificationDelivery>> DigestsAsync(WeekOfFigures f)
    {
        await using var scope = f.Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Set<NotificationDelivery>().AsNoTracking()
            .Where(d => d.DedupKey.StartsWith("insights-digest:")).ToListAsync();
    }

    private static async Task WriteAsync(WeekOfFigures f, Action<CrmDbContext> change)
    {
        await using var scope = f.Host.Scope(a => a.SetSystem("test-seed", null));
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }
}
