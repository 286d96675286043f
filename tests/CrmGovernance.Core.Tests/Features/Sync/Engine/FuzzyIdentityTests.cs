using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>
/// A record matched by the match rule with a typo in its email: the source owns the email and may overwrite it, yet a
/// fuzzy match keeps, holds or takes the differing value as the rule says. Matches by key keep today's behaviour.
/// </summary>
public sealed class FuzzyIdentityTests
{
    private const string Good = "thomas.stevens@gmail.com";
    private const string Typo = "thomas.stevnes@gmail.com";

    private static GovernanceConfiguration Configuration(FuzzyIdentityChange choice, Dictionary<string, string>? alternatives = null) =>
        FuzzyScenario.Build() with
        {
            MatchRules = [FuzzyScenario.Rule with { FuzzyIdentityChange = choice, AlternativeFields = alternatives ?? [] }],
        };

    private static async Task<SyncFlowFixture> TypoEnquiryAsync(GovernanceConfiguration configuration)
    {
        var f = await SyncFlowFixture.StartAsync(configuration);
        await FuzzyScenario.CrmContactAsync(f, "crm-7", Good, "Thomas", "Stevens", phone: null);
        await f.PersonAsync("web-1", Typo, "Thomas", "Stevens", "020 7946 0001");
        return f;
    }

    private static async Task<Dictionary<string, string?>> CrmContactAsync(SyncFlowFixture f) =>
        Assert.Single(await f.ContactsAsync(), c => c["id"] == "crm-7");

    [Fact]
    public async Task Fuzzy_match_keeps_the_existing_email_under_keep_existing_and_applies_the_rest()
    {
        await using var f = await TypoEnquiryAsync(Configuration(FuzzyIdentityChange.KeepExisting));

        var run = await f.RunAsync();

        var contact = await CrmContactAsync(f);
        Assert.Equal((Good, "+442079460001"), (contact["email"], contact["phone"]));
        var outcome = await FuzzyScenario.OutcomeAsync(f, run, "web-1");
        Assert.Equal((OutcomeKind.Updated, "crm-7"), (outcome.Outcome, outcome.TargetId));
        Assert.Matches($"Kept the existing email \"{Good}\": the record was matched by the match rule \\(0\\.\\d+\\), and a fuzzy match never overwrites identity evidence\\. "
            + $"The incoming \"{Typo}\" was not written\\.", outcome.Reason);
        Assert.Contains(Good, outcome.AfterJson, StringComparison.Ordinal);
        Assert.Equal(0, await f.Host.QueryAsync(db => db.ReviewItems.CountAsync()));
    }

    [Fact]
    public async Task Fuzzy_match_under_hold_for_a_steward_files_the_proposed_email_and_applies_the_rest()
    {
        await using var f = await TypoEnquiryAsync(Configuration(FuzzyIdentityChange.HoldForSteward));

        var run = await f.RunAsync();

        var contact = await CrmContactAsync(f);
        Assert.Equal((Good, "+442079460001"), (contact["email"], contact["phone"]));
        var outcome = await FuzzyScenario.OutcomeAsync(f, run, "web-1");
        Assert.Equal(OutcomeKind.Updated, outcome.Outcome);
        Assert.Contains($"Held the incoming email \"{Typo}\" for a steward and kept the existing \"{Good}\"", outcome.Reason, StringComparison.Ordinal);
        var item = await f.Host.QueryAsync(db => db.ReviewItems.AsNoTracking().SingleAsync());
        Assert.Equal(("web-1", "crm-7", ReviewStatus.Open, run.Id), (item.LeftRecordId, item.RightRecordId, item.Status, item.RunId));
        Assert.Equal([new ProposedFieldChange("email", "email", Good, Typo)], ReviewJson.ProposedChanges(item.ProposedChangesJson));
        Assert.Equal(outcome.MatchScore!.Value, item.Score, 6);
    }

    [Fact]
    public async Task A_dry_run_under_hold_for_a_steward_files_nothing_and_writes_nothing()
    {
        await using var f = await TypoEnquiryAsync(Configuration(FuzzyIdentityChange.HoldForSteward));

        var run = await f.RunAsync(dryRun: true);

        Assert.Contains("Would hold the incoming email", (await FuzzyScenario.OutcomeAsync(f, run, "web-1")).Reason, StringComparison.Ordinal);
        Assert.Equal(0, await f.Host.QueryAsync(db => db.ReviewItems.CountAsync()));
        Assert.Equal((Good, null), ((await CrmContactAsync(f))["email"], (await CrmContactAsync(f))["phone"]));
    }

    [Fact]
    public async Task Fuzzy_match_under_take_incoming_writes_the_incoming_email()
    {
        await using var f = await TypoEnquiryAsync(Configuration(FuzzyIdentityChange.TakeIncoming));

        var run = await f.RunAsync();

        Assert.Equal(Typo, (await CrmContactAsync(f))["email"]);
        Assert.DoesNotContain("Kept the existing", (await FuzzyScenario.OutcomeAsync(f, run, "web-1")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_match_by_key_still_updates_the_email_under_keep_existing()
    {
        var configuration = Configuration(FuzzyIdentityChange.KeepExisting);
        configuration = configuration with { Flows = [configuration.Flows[0] with { MatchKeys = ["phone"] }] };
        await using var f = await SyncFlowFixture.StartAsync(configuration);
        await FuzzyScenario.CrmContactAsync(f, "crm-7", Good, "Thomas", "Stevens", "+442079460001");
        await f.PersonAsync("web-1", "tom.stevens@work.example", "Thomas", "Stevens", "020 7946 0001");

        var run = await f.RunAsync();

        Assert.Equal("tom.stevens@work.example", (await CrmContactAsync(f))["email"]);
        var outcome = await FuzzyScenario.OutcomeAsync(f, run, "web-1");
        Assert.Equal((OutcomeKind.Updated, "Matched an existing record by key."), (outcome.Outcome, outcome.Reason));
    }

    [Fact]
    public async Task A_mere_difference_of_case_is_not_a_differing_email()
    {
        await using var f = await SyncFlowFixture.StartAsync(Configuration(FuzzyIdentityChange.HoldForSteward));
        await FuzzyScenario.CrmContactAsync(f, "crm-7", "Thomas.Stevnes@Gmail.com", "Thomas", "Stevens", phone: null);
        await f.PersonAsync("web-1", Typo, "Thomas", "Stevens", "020 7946 0001");

        var run = await f.RunAsync();

        var outcome = await FuzzyScenario.OutcomeAsync(f, run, "web-1");
        Assert.Equal("crm-7", outcome.TargetId);
        Assert.DoesNotContain("Held", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await f.Host.QueryAsync(db => db.ReviewItems.CountAsync()));
    }

    [Fact]
    public async Task The_incoming_email_goes_to_an_empty_alternative_field_and_never_over_another_value()
    {
        var configuration = Configuration(FuzzyIdentityChange.KeepExisting, new(StringComparer.Ordinal) { ["email"] = "email2" });
        configuration = configuration with
        {
            Fields = [.. configuration.Fields, new() { Id = Guid.NewGuid(), SystemId = SyncScenario.Crm, ObjectId = SyncScenario.Contact, Name = "email2", Type = FieldType.Email }],
        };
        await using var f = await SyncFlowFixture.StartAsync(configuration);
        await SqliteTables.ExecuteAsync(f.CrmPath, "ALTER TABLE contacts ADD COLUMN email2 TEXT");
        await FuzzyScenario.CrmContactAsync(f, "crm-7", Good, "Thomas", "Stevens", phone: null);
        await FuzzyScenario.CrmContactAsync(f, "crm-8", "ann.lee@gmail.com", "Ann", "Lee", phone: null);
        await SqliteTables.ExecuteAsync(f.CrmPath, "UPDATE contacts SET email2 = 'ann@home.example' WHERE id = 'crm-8'");
        await f.PersonAsync("web-1", Typo, "Thomas", "Stevens", "020 7946 0001");
        await f.PersonAsync("web-2", "ann.lea@gmail.com", "Ann", "Lee", "020 7946 0002");

        var run = await f.RunAsync();

        var contacts = (await f.ContactsAsync()).ToDictionary(c => c["id"]!);
        Assert.Equal((Good, Typo), (contacts["crm-7"]["email"], contacts["crm-7"]["email2"]));
        Assert.Equal(("ann.lee@gmail.com", "ann@home.example"), (contacts["crm-8"]["email"], contacts["crm-8"]["email2"]));
        Assert.Contains("The incoming value was kept in email2.", (await FuzzyScenario.OutcomeAsync(f, run, "web-1")).Reason, StringComparison.Ordinal);
        Assert.Contains("email2 already holds \"ann@home.example\"", (await FuzzyScenario.OutcomeAsync(f, run, "web-2")).Reason, StringComparison.Ordinal);
    }
    [Fact]
    public async Task A_later_update_through_a_link_the_match_rule_made_still_keeps_the_existing_email()
    {
        await using var f = await TypoEnquiryAsync(Configuration(FuzzyIdentityChange.KeepExisting));
        await f.RunAsync();
        await f.PersonAsync("web-1", Typo, "Thomas", "Stevens", "020 7946 0009");

        var run = await f.RunAsync();

        // Every field of this source is evidence the rule compares: the phone the first run filled in is kept too.
        var contact = await CrmContactAsync(f);
        Assert.Equal((Good, "+442079460001"), (contact["email"], contact["phone"]));
        var outcome = await FuzzyScenario.OutcomeAsync(f, run, "web-1");
        Assert.Equal((OutcomeKind.Unchanged, "crm-7"), (outcome.Outcome, outcome.TargetId));
        Assert.Contains($"Kept the existing email \"{Good}\": this source record was linked to it by the match rule in an earlier run", outcome.Reason,
            StringComparison.Ordinal);
        Assert.True(await f.Host.QueryAsync(db => db.CrosswalkLinks.Where(l => l.SourceId == "web-1").Select(l => l.ByMatchRule).SingleAsync()));
    }

    [Fact]
    public async Task A_record_the_flow_created_is_updated_through_its_link_as_before()
    {
        await using var f = await SyncFlowFixture.StartAsync(Configuration(FuzzyIdentityChange.KeepExisting));
        await f.PersonAsync("web-1", Good, "Thomas", "Stevens", "020 7946 0001");
        await f.RunAsync();
        await f.PersonAsync("web-1", "thomas@new-employer.example", "Thomas", "Stevens", "020 7946 0001");

        var run = await f.RunAsync();

        Assert.Equal("thomas@new-employer.example", Assert.Single(await f.ContactsAsync())["email"]);
        Assert.DoesNotContain("Kept the existing", (await FuzzyScenario.OutcomeAsync(f, run, "web-1")).Reason ?? "", StringComparison.Ordinal);
        Assert.False(await f.Host.QueryAsync(db => db.CrosswalkLinks.Where(l => l.SourceId == "web-1").Select(l => l.ByMatchRule).SingleAsync()));
    }
}
