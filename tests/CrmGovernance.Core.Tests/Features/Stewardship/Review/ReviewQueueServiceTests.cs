using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Review;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Review;

public sealed class ReviewQueueServiceTests
{
    [Fact]
    public async Task The_queue_lists_waiting_pairs_by_score_and_filters_by_score_age_system_and_assignee()
    {
        await using var host = await ReviewQueueHost.StartAsync();
        var ids = await host.AddAsync(
            host.Item("a1", "a2", score: 0.70, ageDays: 1),
            host.Item("b1", "b2", score: 0.95, ageDays: 10, assignedTo: "steward@example.com"),
            host.Item("c1", "c2", score: 0.80, ageDays: 3, assignedTo: "other@example.com"),
            host.Item("d1", "d2", score: 0.90, status: ReviewStatus.Merged),
            host.Item("e1", "e2", score: 0.85, system: ReviewQueueHost.Shop),
            host.Item("f1", "f2", score: 0.60, ageDays: 20, status: ReviewStatus.Unmerged));

        async Task<long[]> ListAsync(ReviewQueueFilter filter) =>
            (await host.AsAsync<ReviewQueueService, Core.Data.PagedResult<ReviewQueueRow>>(s => s.ListAsync(filter, 0, 50))).Items.Select(r => r.Id).ToArray();

        Assert.Equal([ids[1], ids[4], ids[2], ids[0], ids[5]], await ListAsync(ReviewQueueFilter.Default));
        Assert.Equal([ids[1], ids[4], ids[2]], await ListAsync(new() { MinScore = 0.8 }));
        Assert.Equal([ids[5], ids[1], ids[2]], await ListAsync(new() { MinAgeDays = 2, Sort = ReviewSort.Oldest }));
        Assert.Equal([ids[4]], await ListAsync(new() { SystemId = ReviewQueueHost.Shop }));
        Assert.Equal([ids[1]], await ListAsync(new() { Assignee = ReviewQueueFilter.Mine }));
        Assert.Equal([ids[4], ids[0], ids[5]], await ListAsync(new() { Assignee = ReviewQueueFilter.Unassigned }));
        Assert.Equal([ids[3]], await ListAsync(new() { View = ReviewView.Merged }));
        var page = await host.AsAsync<ReviewQueueService, Core.Data.PagedResult<ReviewQueueRow>>(s => s.ListAsync(ReviewQueueFilter.Default, 1, 2));
        Assert.Equal(5, page.Total);
        Assert.Equal([ids[2], ids[0]], page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Next_and_previous_follow_the_order_of_the_list()
    {
        await using var host = await ReviewQueueHost.StartAsync();
        var ids = await host.AddAsync(host.Item("a", "b", 0.9), host.Item("c", "d", 0.7), host.Item("e", "f", 0.8), host.Item("g", "h", 0.8));

        var middle = await host.AsAsync<ReviewQueueService, (long?, long?)>(s => s.NeighboursAsync(ids[2], ReviewQueueFilter.Default));
        var first = await host.AsAsync<ReviewQueueService, (long?, long?)>(s => s.NeighboursAsync(ids[0], ReviewQueueFilter.Default));
        var oldestLast = await host.AsAsync<ReviewQueueService, (long?, long?)>(s => s.NeighboursAsync(ids[3], ReviewQueueFilter.Default with { Sort = ReviewSort.Oldest }));

        Assert.Equal(((long?)ids[0], (long?)ids[3]), middle);
        Assert.Equal(((long?)null, (long?)ids[2]), first);
        Assert.Equal(((long?)ids[2], (long?)null), oldestLast);
    }

    [Fact]
    public async Task A_deferred_pair_leaves_the_queue_and_comes_back_once_its_date_has_passed()
    {
        await using var host = await ReviewQueueHost.StartAsync();
        var ids = await host.AddAsync(host.Item("a", "b"));

        var deferred = await host.AsAsync<ReviewDecisions, int>(d => d.DeferAsync(ids, host.Now.AddDays(2)));
        var waitingNow = await host.AsAsync<ReviewQueueService, int>(async s => (await s.ListAsync(ReviewQueueFilter.Default, 0, 50)).Total);
        var deferredNow = await host.AsAsync<ReviewQueueService, int>(async s => (await s.ListAsync(new() { View = ReviewView.Deferred }, 0, 50)).Total);
        host.Host.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var waitingLater = await host.AsAsync<ReviewQueueService, int>(async s => (await s.ListAsync(ReviewQueueFilter.Default, 0, 50)).Total);

        Assert.Equal((1, 0, 1, 1), (deferred, waitingNow, deferredNow, waitingLater));
        await Assert.ThrowsAsync<ArgumentException>(() => host.AsAsync<ReviewDecisions, int>(d => d.DeferAsync(ids, host.Now.AddHours(-1))));
        var audit = (await host.Host.AuditRowsAsync()).Single(e => e.Action == AuditActions.ReviewDefer);
        Assert.Contains("\"status\":\"Deferred\"", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pairs_are_assigned_only_to_stewards_and_admins_and_each_assignment_is_audited()
    {
        await using var host = await ReviewQueueHost.StartAsync();
        await host.Host.CreateUserAsync("sam@example.com", Roles.Steward);
        await host.Host.CreateUserAsync("olive@example.com", Roles.BusinessOwner);
        var ids = await host.AddAsync(host.Item("a", "b"), host.Item("c", "d", status: ReviewStatus.NotDuplicate));

        var stewards = await host.AsAsync<ReviewQueueService, IReadOnlyList<string>>(s => s.StewardsAsync());
        var assigned = await host.AsAsync<ReviewQueueService, int>(s => s.AssignAsync(ids, "sam@example.com"));

        Assert.Equal(["sam@example.com"], stewards);
        Assert.Equal(1, assigned);
        Assert.Equal(["sam@example.com", null], (await host.ItemsAsync()).Select(r => r.AssignedTo));
        await Assert.ThrowsAsync<ArgumentException>(() => host.AsAsync<ReviewQueueService, int>(s => s.AssignAsync(ids, "olive@example.com")));
        var audit = (await host.Host.AuditRowsAsync()).Single(e => e.Action == AuditActions.ReviewAssign);
        Assert.Contains("\"before\":null,\"after\":\"sam@example.com\"", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reason_longer_than_the_limit_is_refused_in_words_and_nothing_is_marked()
    {
        await using var host = await ReviewQueueHost.StartAsync();
        var ids = await host.AddAsync(host.Item("a", "b"));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.AsAsync<ReviewDecisions, int>(d => d.NotDuplicateAsync(ids, new string('x', ReviewDecisions.MaxReasonLength + 1))));

        Assert.StartsWith($"Keep the reason under {ReviewDecisions.MaxReasonLength} characters.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Open, (await host.ItemsAsync()).Single().Status);
    }

    [Fact]
    public async Task A_manager_reads_the_queue_and_may_not_decide_anything()
    {
        await using var host = await ReviewQueueHost.StartAsync();
        var ids = await host.AddAsync(host.Item("a", "b"));

        var page = await host.AsAsync<ReviewQueueService, Core.Data.PagedResult<ReviewQueueRow>>(s => s.ListAsync(ReviewQueueFilter.Default, 0, 10), Roles.Manager);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.AsAsync<ReviewDecisions, int>(d => d.NotDuplicateAsync(ids), Roles.Manager));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.AsAsync<ReviewQueueService, int>(s => s.AssignAsync(ids, "manager@example.com"), Roles.Manager));

        Assert.Equal(1, page.Total);
        Assert.Equal((ReviewStatus.Open, null), ((await host.ItemsAsync()).Single().Status, (await host.ItemsAsync()).Single().AssignedTo));
    }

    [Theory]
    [InlineData(Roles.BusinessOwner)]
    [InlineData(Roles.Auditor)]
    public async Task Only_stewards_and_admins_may_work_the_queue(string role)
    {
        await using var host = await ReviewQueueHost.StartAsync();
        var ids = await host.AddAsync(host.Item("a", "b"));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.AsAsync<ReviewQueueService, Core.Data.PagedResult<ReviewQueueRow>>(s => s.ListAsync(ReviewQueueFilter.Default, 0, 10), role));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.AsAsync<ReviewDecisions, int>(d => d.NotDuplicateAsync(ids), role));
        Assert.Equal(ReviewStatus.Open, (await host.ItemsAsync()).Single().Status);
    }

    [Fact]
    public async Task Metrics_give_the_volume_its_age_the_time_to_resolve_and_decisions_per_steward()
    {
        await using var host = await ReviewQueueHost.StartAsync();
        var now = host.Now;
        ReviewItem Decided(double ageDays, double tookHours, ReviewStatus status, string by)
        {
            var item = host.Item("x" + Guid.NewGuid(), "y", ageDays: ageDays, status: status);
            (item.DecidedBy, item.DecidedUtc) = (by, item.CreatedUtc.AddHours(tookHours));
            return item;
        }
        await host.AddAsync(
            host.Item("a", "b", ageDays: 1), host.Item("c", "d", ageDays: 3), host.Item("e", "f", ageDays: 10),
            Decided(2, 2, ReviewStatus.Merged, "sam@example.com"), Decided(5, 4, ReviewStatus.NotDuplicate, "sam@example.com"),
            Decided(3, 10, ReviewStatus.Merged, "ann@example.com"), Decided(60, 1, ReviewStatus.Merged, "old@example.com"));
        var ids = await host.AddAsync(host.Item("g", "h", ageDays: 2));
        await host.AsAsync<ReviewDecisions, int>(d => d.DeferAsync(ids, now.AddDays(1)), name: "ann@example.com");

        var metrics = await host.AsAsync<ReviewMetricsService, ReviewMetrics>(m => m.MetricsAsync());

        Assert.Equal((3, 1, 3), (metrics.Waiting, metrics.Deferred, metrics.ResolvedLast30Days));
        Assert.Equal((TimeSpan.FromDays(10), TimeSpan.FromDays(3), TimeSpan.FromHours(4)), (metrics.OldestWaiting, metrics.MedianWaiting, metrics.MedianTimeToResolve));
        Assert.Equal([("ann@example.com", 1, 0, 1), ("sam@example.com", 1, 1, 0)],
            metrics.DecisionsPerSteward.Select(s => (s.Steward, s.Merged, s.NotDuplicate, s.Deferred)));
    }
}
