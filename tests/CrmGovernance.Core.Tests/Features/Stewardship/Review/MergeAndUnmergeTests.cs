using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Review;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Review;

public sealed class MergeAndUnmergeTests
{
    private static readonly DateTime Older = new(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Newer = new(2026, 3, 1, 16, 30, 0, DateTimeKind.Utc);

    private static async Task<(ReviewTargetHost Host, long Item)> PairAsync(string? schemaExtra = null)
    {
        var host = await ReviewTargetHost.StartAsync(schemaExtra);
        await host.ContactAsync("c-old", "ann.lee@example.com", "Ann", "Lee", null, Older);
        await host.ContactAsync("c-new", "ann.lee@example.org", "Anne", "Lee", "+442079460018", Newer);
        return (host, await host.ItemAsync("c-new", "c-old"));
    }

    private static MergeRequest OneFieldFromEachSide(long item) => new(item, "c-old", new Dictionary<string, string>
    {
        ["first_name"] = "c-new", ["email"] = "c-old", ["phone"] = "c-new",
    });

    [Fact]
    public async Task Merge_then_unmerge_restores_both_records_exactly()
    {
        var (host, item) = await PairAsync();
        await using var _ = host;
        var before = await host.ContactsAsync();

        var merged = await host.AsAsync<MergeService, ReviewOutcome>(s => s.MergeAsync(OneFieldFromEachSide(item)));

        Assert.True(merged.Succeeded, merged.Error);
        var afterMerge = await host.ContactsAsync();
        Assert.Equal(["c-old"], afterMerge.Keys);
        var survivor = afterMerge["c-old"];
        Assert.Equal(("ann.lee@example.com", "Anne", "Lee", "+442079460018"), (survivor["email"], survivor["first_name"], survivor["last_name"], survivor["phone"]));

        var undone = await host.AsAsync<UnmergeService, ReviewOutcome>(s => s.UnmergeAsync(merged.MergeId!.Value, overwriteChanges: false));

        Assert.True(undone.Succeeded, undone.Error);
        var restored = await host.ContactsAsync();
        Assert.Equal(before.Keys.Order(), restored.Keys.Order());
        foreach (var (id, row) in before)
        {
            Assert.Equal(row.OrderBy(c => c.Key), restored[id].OrderBy(c => c.Key));
        }
        var reviewItem = await host.QueryAsync(db => db.ReviewItems.SingleAsync(r => r.Id == item));
        Assert.Equal((ReviewStatus.Unmerged, (long?)null), (reviewItem.Status, reviewItem.MergeId));
        var merge = await host.QueryAsync(db => db.RecordMerges.SingleAsync());
        Assert.Equal(ReviewTargetHost.Steward, merge.UnmergedBy);
        Assert.NotNull(merge.UnmergedUtc);
    }

    [Fact]
    public async Task Crosswalk_links_move_to_the_survivor_keeping_the_old_id_and_come_back_on_unmerge()
    {
        var (host, item) = await PairAsync();
        await using var _ = host;
        await host.LinkAsync("p-1", "c-new");
        await host.LinkAsync("p-2", "c-new", mergedFrom: "c-earlier");
        await host.LinkAsync("p-3", "c-old");

        var merged = await host.AsAsync<MergeService, ReviewOutcome>(s => s.MergeAsync(OneFieldFromEachSide(item)));
        var moved = await LinksAsync(host);
        await host.AsAsync<UnmergeService, ReviewOutcome>(s => s.UnmergeAsync(merged.MergeId!.Value, overwriteChanges: false));
        var back = await LinksAsync(host);

        Assert.Equal([("p-1", "c-old", "c-new"), ("p-2", "c-old", "c-new"), ("p-3", "c-old", null)], moved);
        Assert.Equal([("p-1", "c-new", null), ("p-2", "c-new", "c-earlier"), ("p-3", "c-old", null)], back);
    }

    [Fact]
    public async Task The_merged_record_leaves_the_match_index_and_the_survivor_takes_its_new_values_until_unmerged()
    {
        var (host, item) = await PairAsync();
        await using var _ = host;
        await host.IndexEntryAsync("c-old", """{"email":"ann.lee@example.com","first_name":"Ann","last_name":"Lee"}""");
        await host.IndexEntryAsync("c-new", """{"email":"ann.lee@example.org","first_name":"Anne","last_name":"Lee","phone":"+442079460018"}""");

        var merged = await host.AsAsync<MergeService, ReviewOutcome>(s => s.MergeAsync(OneFieldFromEachSide(item)));
        var afterMerge = await host.QueryAsync(db => db.MatchIndexEntries.AsNoTracking().OrderBy(e => e.RecordId).ToListAsync());
        await host.AsAsync<UnmergeService, ReviewOutcome>(s => s.UnmergeAsync(merged.MergeId!.Value, overwriteChanges: false));
        var afterUnmerge = await host.QueryAsync(db => db.MatchIndexEntries.AsNoTracking().OrderBy(e => e.RecordId).ToListAsync());

        Assert.Equal([("c-new", true), ("c-old", false)], afterMerge.Select(e => (e.RecordId, e.IsDeleted)));
        Assert.Contains("\"first_name\":\"Anne\"", afterMerge[1].ValuesJson, StringComparison.Ordinal);
        Assert.Contains("\"phone\":", afterMerge[1].ValuesJson, StringComparison.Ordinal);
        Assert.Equal([("c-new", false), ("c-old", false)], afterUnmerge.Select(e => (e.RecordId, e.IsDeleted)));
        Assert.Contains("\"first_name\":\"Ann\"", afterUnmerge[1].ValuesJson, StringComparison.Ordinal);
        Assert.DoesNotContain("phone", afterUnmerge[1].ValuesJson, StringComparison.Ordinal);
        Assert.Contains("\"email\":\"ann.lee@example.org\"", afterUnmerge[0].ValuesJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_and_unmerge_are_audited_with_who_and_both_records_before_and_after()
    {
        var (host, item) = await PairAsync();
        await using var _ = host;

        var merged = await host.AsAsync<MergeService, ReviewOutcome>(s => s.MergeAsync(OneFieldFromEachSide(item)));
        await host.AsAsync<UnmergeService, ReviewOutcome>(s => s.UnmergeAsync(merged.MergeId!.Value, overwriteChanges: false));

        var merge = Assert.Single(await host.AuditAsync(AuditActions.ReviewMerge));
        var unmerge = Assert.Single(await host.AuditAsync(AuditActions.ReviewUnmerge));
        Assert.All([merge, unmerge], e => Assert.Equal(("ReviewItem", item.ToString(System.Globalization.CultureInfo.InvariantCulture), ReviewTargetHost.Steward),
            (e.EntityType, e.EntityId, e.ActorName)));
        Assert.Contains("\"merged\":{\"id\":\"c-new\"", merge.Changes, StringComparison.Ordinal);
        Assert.Contains("\"fieldsTaken\":[\"first_name\",\"phone\"]", merge.Changes, StringComparison.Ordinal);
        Assert.Contains("\"overwrote\":[]", unmerge.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unmerge_shows_and_refuses_to_overwrite_a_survivor_changed_since_the_merge_until_confirmed()
    {
        var (host, item) = await PairAsync();
        await using var _ = host;
        var merged = await host.AsAsync<MergeService, ReviewOutcome>(s => s.MergeAsync(OneFieldFromEachSide(item)));
        await Tests.Features.Sync.Engine.SqliteTables.ExecuteAsync(host.TargetPath, "UPDATE contacts SET last_name = 'Lee-Smith' WHERE id = 'c-old'");

        var preview = await host.AsAsync<UnmergeService, UnmergePreview?>(s => s.PreviewAsync(merged.MergeId!.Value));
        var refused = await host.AsAsync<UnmergeService, ReviewOutcome>(s => s.UnmergeAsync(merged.MergeId!.Value, overwriteChanges: false));
        var stillMerged = await host.ContactsAsync();
        var confirmed = await host.AsAsync<UnmergeService, ReviewOutcome>(s => s.UnmergeAsync(merged.MergeId!.Value, overwriteChanges: true));

        Assert.Equal(["last_name"], preview!.Conflicts.Select(c => c.Name));
        Assert.Equal(("Lee-Smith", "Lee"), (preview.Conflicts[0].Now, preview.Conflicts[0].Restore));
        Assert.Contains("last_name", refused.Error, StringComparison.Ordinal);
        Assert.Equal(["c-old"], stillMerged.Keys);
        Assert.True(confirmed.Succeeded, confirmed.Error);
        Assert.Equal("Lee", (await host.ContactsAsync())["c-old"]["last_name"]);
    }

    [Fact]
    public async Task A_target_that_refuses_the_delete_keeps_both_records_as_they_were_and_the_pair_waiting()
    {
        var (host, item) = await PairAsync("CREATE TRIGGER keep_contacts BEFORE DELETE ON contacts BEGIN SELECT RAISE(ABORT, 'contacts are never deleted'); END;");
        await using var _ = host;
        var before = await host.ContactsAsync();

        var outcome = await host.AsAsync<MergeService, ReviewOutcome>(s => s.MergeAsync(OneFieldFromEachSide(item)));

        Assert.False(outcome.Succeeded);
        Assert.Contains("contacts are never deleted", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was merged", outcome.Error, StringComparison.Ordinal);
        var after = await host.ContactsAsync();
        Assert.Equal(["Ann", "Anne"], after.Values.Select(r => r["first_name"]).Order());
        Assert.Equal(before["c-old"]["phone"], after["c-old"]["phone"]);
        Assert.Equal(ReviewStatus.Open, (await host.QueryAsync(db => db.ReviewItems.SingleAsync(r => r.Id == item))).Status);
        Assert.Empty(await host.QueryAsync(db => db.RecordMerges.ToListAsync()));
    }

    [Fact]
    public async Task A_merge_of_records_changed_since_the_steward_saw_them_is_refused()
    {
        var (host, item) = await PairAsync();
        await using var _ = host;
        var seen = (await host.ContactsAsync())["c-new"];
        await Tests.Features.Sync.Engine.SqliteTables.ExecuteAsync(host.TargetPath, "UPDATE contacts SET phone = '+442079460099' WHERE id = 'c-new'");

        var outcome = await host.AsAsync<MergeService, ReviewOutcome>(s => s.MergeAsync(OneFieldFromEachSide(item) with { LeftSeen = seen }));

        Assert.Contains("changed", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await host.ContactsAsync()).Count);
    }

    private static Task<List<(string, string, string?)>> LinksAsync(ReviewTargetHost host) => host.QueryAsync(async db =>
        (await db.CrosswalkLinks.AsNoTracking().OrderBy(l => l.SourceId).Select(l => new { l.SourceId, l.TargetId, l.MergedFromId }).ToListAsync())
        .Select(l => (l.SourceId, l.TargetId, l.MergedFromId)).ToList());
}
