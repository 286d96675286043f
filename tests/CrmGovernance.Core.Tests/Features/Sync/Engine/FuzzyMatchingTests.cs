using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

public sealed class FuzzyMatchingTests
{
    [Fact]
    public async Task A_contact_with_a_typo_in_the_email_and_a_nickname_updates_the_existing_contact_instead_of_creating_a_second()
    {
        await using var f = await SyncFlowFixture.StartAsync(FuzzyScenario.Build());
        await f.PersonAsync("web-1", "robert.smith@gmail.com", "Robert", "Smith", phone: null);
        await f.RunAsync();
        var existing = Assert.Single(await f.ContactsAsync())["id"]!;
        await f.PersonAsync("web-2", "robert.smith@gmial.com", "Bob", "Smith", "020 7946 0001");

        var run = await f.RunAsync();

        Assert.Equal((0, 1, 1), (run.Created, run.Updated, run.DuplicatesPrevented));
        var contact = Assert.Single(await f.ContactsAsync());
        Assert.Equal(("Robert", "+442079460001"), (contact["first_name"], contact["phone"]));
        var outcome = await FuzzyScenario.OutcomeAsync(f, run, "web-2");
        Assert.Equal((OutcomeKind.Updated, existing), (outcome.Outcome, outcome.TargetId));
        Assert.True(outcome.MatchScore >= FuzzyScenario.Rule.AutoMatchThreshold, $"score {outcome.MatchScore}");
        Assert.Matches($@"^Matched by the match rule to {existing} \((0\.\d{{2,3}}|1\.00)\)\.", outcome.Reason);
        Assert.Equal(existing, await FuzzyScenario.LinkedTargetAsync(f, "web-2"));
    }

    [Fact]
    public async Task A_contact_created_directly_in_the_crm_is_found_through_its_change_feed()
    {
        await using var f = await SyncFlowFixture.StartAsync(FuzzyScenario.Build());
        await FuzzyScenario.CrmContactAsync(f, "crm-7", "robert.smith@gmail.com", "Robert", "Smith", "+442079460001");
        await f.PersonAsync("web-1", "robert.smith@gmial.com", "Bob", "Smith", "020 7946 0001");

        var run = await f.RunAsync();

        Assert.Equal((0, 1), (run.Created, run.DuplicatesPrevented));
        Assert.Single(await f.ContactsAsync());
        Assert.Equal("crm-7", (await FuzzyScenario.OutcomeAsync(f, run, "web-1")).TargetId);
        var indexed = await f.Host.QueryAsync(db => db.MatchIndexEntries.AsNoTracking().SingleAsync(e => e.RecordId == "crm-7"));
        Assert.Contains("Smith", indexed.ValuesJson, StringComparison.Ordinal);
        Assert.NotNull((await f.Host.QueryAsync(db => db.MatchIndexCursors.SingleAsync())).Cursor);
    }

    [Fact]
    public async Task Two_records_of_the_same_person_in_one_batch_end_in_one_contact()
    {
        await using var f = await SyncFlowFixture.StartAsync(FuzzyScenario.Build());
        await f.PersonAsync("web-1", "robert.smith@gmail.com", "Robert", "Smith", "020 7946 0001");
        await f.PersonAsync("web-2", "robert.smith@gmial.com", "Bob", "Smith", "020 7946 0001");

        var run = await f.RunAsync();

        Assert.Equal((1, 1), (run.Created, run.DuplicatesPrevented));
        var contact = Assert.Single(await f.ContactsAsync());
        Assert.Equal(contact["id"], (await FuzzyScenario.OutcomeAsync(f, run, "web-2")).TargetId);
        Assert.Equal(contact["id"], await FuzzyScenario.LinkedTargetAsync(f, "web-2"));
        var indexed = await f.Host.QueryAsync(db => db.MatchIndexEntries.AsNoTracking().Select(e => e.RecordId).ToListAsync());
        Assert.Equal([contact["id"]!], indexed);
    }

    [Fact]
    public async Task A_target_that_cannot_list_its_changes_is_matched_against_what_the_worker_wrote()
    {
        await using var f = await SyncFlowFixture.StartAsync(FuzzyScenario.Build());
        // No updated-at column: the CRM cannot say what changed, so its change feed is skipped.
        await SqliteTables.ExecuteAsync(f.CrmPath, """
            DROP TABLE contacts;
            CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, phone TEXT, lifecycle_stage TEXT, customer_status TEXT);
            """);
        await f.PersonAsync("web-1", "robert.smith@gmail.com", "Robert", "Smith", "020 7946 0001");
        var first = await f.RunAsync();
        await f.PersonAsync("web-2", "robert.smith@gmial.com", "Bob", "Smith", "020 7946 0001");

        var second = await f.RunAsync();

        Assert.Equal((SyncRunStatus.Succeeded, SyncRunStatus.Succeeded), (first.Status, second.Status));
        Assert.Equal((0, 1), (second.Created, second.DuplicatesPrevented));
        Assert.Single(await f.ContactsAsync());
        Assert.Equal(0, await f.Host.QueryAsync(db => db.MatchIndexCursors.CountAsync()));
    }

    [Fact]
    public async Task A_flow_whose_object_has_no_match_rule_creates_the_second_contact_and_keeps_no_index()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await FuzzyScenario.CrmContactAsync(f, "crm-7", "robert.smith@gmail.com", "Robert", "Smith", "+442079460001");
        await f.PersonAsync("web-1", "robert.smith@gmial.com", "Bob", "Smith", "020 7946 0001");

        var run = await f.RunAsync();

        Assert.Equal((1, 0), (run.Created, run.DuplicatesPrevented));
        Assert.Equal(2, (await f.ContactsAsync()).Count);
        var outcome = await FuzzyScenario.OutcomeAsync(f, run, "web-1");
        Assert.Null(outcome.MatchScore);
        Assert.Null(outcome.Reason);
        Assert.Equal((0, 0), await f.Host.QueryAsync(async db => (await db.MatchIndexEntries.CountAsync(), await db.MatchIndexCursors.CountAsync())));
    }

    [Fact]
    public async Task A_dry_run_scores_and_records_but_files_nothing_and_stores_no_index()
    {
        await using var f = await SyncFlowFixture.StartAsync(FuzzyScenario.Build());
        await FuzzyScenario.CrmContactAsync(f, "crm-7", "robert.smith@gmail.com", "Robert", "Smith", "+442079460001");
        await f.PersonAsync("web-1", "robert.smith@gmial.com", "Bob", "Smith", "020 7946 0001");

        var run = await f.RunAsync(dryRun: true);

        var outcome = await FuzzyScenario.OutcomeAsync(f, run, "web-1");
        Assert.Equal("crm-7", outcome.TargetId);
        Assert.True(outcome.MatchScore >= FuzzyScenario.Rule.AutoMatchThreshold, $"score {outcome.MatchScore}");
        Assert.Equal((0, 0, 0), await f.Host.QueryAsync(async db =>
            (await db.MatchIndexEntries.CountAsync(), await db.MatchIndexCursors.CountAsync(), await db.ReviewItems.CountAsync())));
        Assert.Single(await f.ContactsAsync());
    }
}
