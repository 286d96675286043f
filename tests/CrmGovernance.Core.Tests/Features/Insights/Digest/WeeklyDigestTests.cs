using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Digest;
using CrmGovernance.Core.Features.Notifications;
using CrmGovernance.Core.Tests.Features.Insights.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task The_digest_compares_last_week_with_the_week_before_and_names_the_three_flows_that_got_worse_most()
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

        // Rises per 1,000 records: orders 30, web form 20, legacy A 5, legacy B 1; opportunities fell.
        Assert.Equal([WeekOfFigures.Orders, WeekOfFigures.WebForm, WeekOfFigures.LegacyA], content.Hotspots.Select(h => h.FlowId));
        var orders = content.Hotspots[0];
        Assert.Equal(("Shop orders to CRM", 40d, 10d, 20d, 500d), (orders.Name, orders.PerThousand, orders.PerThousandBefore, orders.Trouble, orders.Processed));
        Assert.Equal(30d, content.Hotspots[1].PerThousand);
        Assert.Null(content.Hotspots[2].PerThousandBefore);
    }

    [Fact]
    public async Task The_email_shows_arrows_and_links_each_flow_to_its_filtered_dashboard()
    {
        await using var f = await WeekOfFigures.StartAsync();
        var content = await f.Host.Singleton<WeeklyDigestComposer>().ComposeAsync(W09);

        var body = WeeklyDigestText.Body(content, "https://crm.example.com/");

        Assert.Contains("- Sync success: 96.0% ↓ from 100.0% (worse)", body, StringComparison.Ordinal);
        Assert.Contains("- Records moved: 1,580 ↓ from 1,681 (worse)", body, StringComparison.Ordinal);
        Assert.Contains("- Duplicates prevented: 12 ↑ from 8 (better)", body, StringComparison.Ordinal);
        Assert.Contains("1. Shop orders to CRM: 40.0 per 1,000 (week before 10.0), 20 of 500 records", body, StringComparison.Ordinal);
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
