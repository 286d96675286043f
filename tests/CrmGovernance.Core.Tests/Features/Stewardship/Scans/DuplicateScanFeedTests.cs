using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Scans;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Scans;

public sealed class DuplicateScanFeedTests
{
    [Fact]
    public async Task Feeding_files_each_pair_of_a_scan_once_with_its_explanation()
    {
        await using var host = await ScanScenario.StartAsync();
        var crm = host.PathOf("crm.db");
        await ScanScenario.AddDistinctPeopleAsync(crm, 50);
        await ScanScenario.AddContactAsync(crm, "dup-1", "maren.holt@example.com", "Maren", "Holt", "+44 20 7946 0123");
        await ScanScenario.AddContactAsync(crm, "dup-2", "maren.holt@example.com", "Maren", "Holt", "020 7946 0123");
        var id = await host.AsStewardAsync((scans, _) => scans.RequestAsync(ScanScenario.Crm, ScanScenario.Contact));
        var subject = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var scan = await host.FinishedAsync(id);
        Assert.Equal(ScanStatus.Completed, scan.Status);
        Assert.True(scan.PairsFound >= 1);

        var first = await host.AsStewardAsync((_, feeder) => feeder.FeedAsync(id));
        var second = await host.AsStewardAsync((_, feeder) => feeder.FeedAsync(id));

        Assert.Equal(scan.PairsFound, first.Filed);
        Assert.Equal(0, first.Outdated);
        Assert.Equal(0, second.Filed);
        Assert.Equal(first.Filed, second.AlreadyKnown);
        var items = await host.QueryAsync(db => db.ReviewItems.Where(r => r.ScanId == id).ToListAsync());
        Assert.Equal(first.Filed, items.Count);
        var planted = Assert.Single(items, r => new[] { r.LeftRecordId, r.RightRecordId }.Order().SequenceEqual(["dup-1", "dup-2"]));
        Assert.Equal(ScanScenario.Crm, planted.SystemId);
        Assert.Equal(ReviewStatus.Open, planted.Status);
        Assert.Contains("email", planted.ExplanationJson, StringComparison.Ordinal);
        Assert.Equal(first.Filed, (await host.QueryAsync(db => db.DuplicateScans.SingleAsync(s => s.Id == id))).FedToReview);
        Assert.Equal(2, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DuplicateScanFedToReview && e.EntityId == subject)));
    }

    [Fact]
    public async Task A_scan_that_has_not_completed_cannot_feed_the_queue()
    {
        await using var host = await ScanScenario.StartAsync();
        var id = await host.AsStewardAsync((scans, _) => scans.RequestAsync(ScanScenario.Archive, ScanScenario.Contact));
        await host.FinishedAsync(id);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.AsStewardAsync((_, feeder) => feeder.FeedAsync(id)));

        Assert.Contains("Only a completed scan", error.Message, StringComparison.Ordinal);
    }
}
