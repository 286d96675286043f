using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Review;

public sealed class ReviewQueueWriterTests
{
    [Fact]
    public async Task Filing_skips_excluded_pairs_and_pairs_already_waiting_or_merged_in_either_order()
    {
        await using var host = await ReviewQueueHost.StartAsync();
        await host.ExcludeAsync("a", "b");
        await host.AddAsync(
            host.Item("c", "d"),
            host.Item("f", "e", status: ReviewStatus.Deferred),
            host.Item("h", "g", status: ReviewStatus.Merged),
            host.Item("i", "j", status: ReviewStatus.Unmerged));

        var added = await host.AsAsync<ReviewQueueWriter, int>(w => w.AddAsync(
        [
            ReviewQueueHost.Candidate("b", "a"), ReviewQueueHost.Candidate("d", "c"), ReviewQueueHost.Candidate("e", "f"), ReviewQueueHost.Candidate("g", "h"), ReviewQueueHost.Candidate("j", "i"),
            ReviewQueueHost.Candidate("k", "l"), ReviewQueueHost.Candidate("l", "k"), ReviewQueueHost.Candidate("m", "m"), ReviewQueueHost.Candidate("a", "b", ReviewQueueHost.Shop),
        ], CancellationToken.None));

        Assert.Equal(2, added);
        var filed = (await host.ItemsAsync()).Skip(4).ToList();
        Assert.Equal([("k", "l", ReviewQueueHost.Crm), ("a", "b", ReviewQueueHost.Shop)], filed.Select(r => (r.LeftRecordId, r.RightRecordId, r.SystemId)));
        Assert.All(filed, r => Assert.Equal((ReviewStatus.Open, 0.82, host.Now), (r.Status, r.Score, r.CreatedUtc)));
        var explanation = Assert.Single(ReviewJson.Explanations(filed[0].ExplanationJson));
        Assert.Equal(("email", "≥ 0.92", 7.1), (explanation.Attribute, explanation.Level, explanation.Weight));
    }

    [Fact]
    public async Task A_pair_that_is_not_a_duplicate_is_never_suggested_again()
    {
        await using var host = await ReviewQueueHost.StartAsync();
        await host.AsAsync<ReviewQueueWriter, int>(w => w.AddAsync([ReviewQueueHost.Candidate("web-9", "crm-1")], CancellationToken.None));
        var id = (await host.ItemsAsync()).Single().Id;

        var marked = await host.AsAsync<ReviewDecisions, int>(d => d.NotDuplicateAsync([id]));
        var again = await host.AsAsync<ReviewQueueWriter, int>(w => w.AddAsync([ReviewQueueHost.Candidate("crm-1", "web-9"), ReviewQueueHost.Candidate("web-9", "crm-1")], CancellationToken.None));

        Assert.Equal((1, 0), (marked, again));
        var item = Assert.Single(await host.ItemsAsync());
        Assert.Equal((ReviewStatus.NotDuplicate, "steward@example.com", host.Now), (item.Status, item.DecidedBy, item.DecidedUtc));
        await using var scope = host.Host.Scope();
        var exclusion = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().MatchExclusions.SingleAsync();
        Assert.Equal(("crm-1", "web-9", (long?)id), (exclusion.LeftRecordId, exclusion.RightRecordId, exclusion.ReviewItemId));
        var audit = (await host.Host.AuditRowsAsync()).Single(e => e.Action == AuditActions.ReviewNotDuplicate);
        Assert.Equal(("ReviewItem", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "steward@example.com"), (audit.EntityType, audit.EntityId, audit.ActorName));
        Assert.Contains("\"before\":\"Open\",\"after\":\"NotDuplicate\"", audit.Changes, StringComparison.Ordinal);
    }
}
