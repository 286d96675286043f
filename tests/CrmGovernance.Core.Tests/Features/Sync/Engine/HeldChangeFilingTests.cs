using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>
/// A held change (a fuzzy match's identity value the run did not write) is filed with the batch's record, in one
/// transaction, and a later proposal for the same pair is never silently dropped: it replaces the one still waiting,
/// or is filed anew once the steward decided the earlier one; the same values are never filed twice.
/// </summary>
public sealed class HeldChangeFilingTests
{
    private const string Good = "thomas.stevens@gmail.com";
    private const string Typo = "thomas.stevnes@gmail.com";
    private const string OtherTypo = "thomas.stevens@gmial.com";

    private static async Task<SyncFlowFixture> HoldingAsync()
    {
        var configuration = FuzzyScenario.Build() with
        {
            MatchRules = [FuzzyScenario.Rule with { FuzzyIdentityChange = FuzzyIdentityChange.HoldForSteward }],
        };
        var f = await SyncFlowFixture.StartAsync(configuration);
        await FuzzyScenario.CrmContactAsync(f, "crm-7", Good, "Thomas", "Stevens", phone: null);
        await f.PersonAsync("web-1", Typo, "Thomas", "Stevens", "020 7946 0001");
        return f;
    }

    private static Task<List<ReviewItem>> ItemsAsync(SyncFlowFixture f) =>
        f.Host.QueryAsync(db => db.ReviewItems.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    private static string Proposed(ReviewItem item) => Assert.Single(ReviewJson.ProposedChanges(item.ProposedChangesJson)).Proposed!;

    [Fact]
    public async Task A_later_different_value_replaces_the_proposal_still_waiting()
    {
        await using var f = await HoldingAsync();
        await f.RunAsync();
        await f.PersonAsync("web-1", OtherTypo, "Thomas", "Stevens", "020 7946 0001");

        var second = await f.RunAsync();

        var item = Assert.Single(await ItemsAsync(f));
        Assert.Equal((ReviewStatus.Open, OtherTypo, second.Id), (item.Status, Proposed(item), item.RunId));
        Assert.Equal(Good, Assert.Single(await f.ContactsAsync(), c => c["id"] == "crm-7")["email"]);
    }

    [Fact]
    public async Task The_same_value_read_again_is_not_filed_twice_and_a_dismissed_one_stays_dismissed()
    {
        await using var f = await HoldingAsync();
        await f.RunAsync();
        await f.Host.QueryAsync(db => db.ReviewItems.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReviewStatus.ChangeDismissed)));
        // The source record is saved again (a later timestamp) with the same typo, so the next run reads it again.
        await f.PersonAsync("web-1", Typo, "Thomas", "Stevens", "020 7946 0001");

        var again = await f.RunAsync();

        Assert.Equal(1, again.Read);
        var item = Assert.Single(await ItemsAsync(f));
        Assert.Equal((ReviewStatus.ChangeDismissed, Typo), (item.Status, Proposed(item)));
    }

    [Fact]
    public async Task A_new_value_after_the_steward_decided_is_filed_as_a_new_item()
    {
        await using var f = await HoldingAsync();
        await f.RunAsync();
        await f.Host.QueryAsync(db => db.ReviewItems.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReviewStatus.ChangeDismissed)));
        await f.PersonAsync("web-1", OtherTypo, "Thomas", "Stevens", "020 7946 0001");

        await f.RunAsync();

        var items = await ItemsAsync(f);
        Assert.Equal([(ReviewStatus.ChangeDismissed, Typo), (ReviewStatus.Open, OtherTypo)], items.Select(i => (i.Status, Proposed(i))));
    }

    [Fact]
    public async Task A_batch_whose_filing_fails_records_nothing_and_is_read_again_whole()
    {
        await using var f = await HoldingAsync();
        await RefuseReviewItemsAsync(f.Host.Database, refuse: true);

        var failed = await f.RunAsync();

        Assert.Equal(SyncRunStatus.Failed, failed.Status);
        Assert.Equal(0, await f.Host.QueryAsync(db => db.RecordOutcomes.CountAsync(o => o.RunId == failed.Id)));
        Assert.Empty(await ItemsAsync(f));
        await RefuseReviewItemsAsync(f.Host.Database, refuse: false);

        var again = await f.RunAsync();

        Assert.Equal(1, again.Read);
        var item = Assert.Single(await ItemsAsync(f));
        Assert.Equal((Typo, again.Id), (Proposed(item), item.RunId));
        // The failed attempt had already written the phone (target writes come before the record, and repeat safely).
        var outcome = await FuzzyScenario.OutcomeAsync(f, again, "web-1");
        Assert.Contains($"Held the incoming email \"{Typo}\" for a steward", outcome.Reason, StringComparison.Ordinal);
        var contact = Assert.Single(await f.ContactsAsync(), c => c["id"] == "crm-7");
        Assert.Equal((Good, "+442079460001"), (contact["email"], contact["phone"]));
    }

    /// <summary>A trigger that makes the portal database refuse review items, as a crash between two writes would leave them out.</summary>
    private static Task RefuseReviewItemsAsync(TestDatabase database, bool refuse) => (database.Provider, refuse) switch
    {
        (DatabaseProvider.Sqlite, true) => database.ExecuteAsync("CREATE TRIGGER refuse_review BEFORE INSERT ON ReviewItems BEGIN SELECT RAISE(ABORT, 'refused'); END;"),
        (DatabaseProvider.Sqlite, false) => database.ExecuteAsync("DROP TRIGGER refuse_review;"),
        (_, true) => database.ExecuteAsync("""
            CREATE FUNCTION refuse_review() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
            CREATE TRIGGER refuse_review BEFORE INSERT ON "ReviewItems" FOR EACH ROW EXECUTE FUNCTION refuse_review();
            """),
        _ => database.ExecuteAsync("""DROP TRIGGER refuse_review ON "ReviewItems"; DROP FUNCTION refuse_review();"""),
    };
}
