using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Review;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Review;

/// <summary>A steward applies or dismisses the identity change a fuzzy match held, on the real target file.</summary>
public sealed class HeldChangeTests
{
    private static readonly DateTime Created = new(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc);

    private static async Task<(ReviewTargetHost Host, long Item)> HeldAsync()
    {
        var host = await ReviewTargetHost.StartAsync();
        await host.ContactAsync("crm-7", "thomas.stevens@gmail.com", "Thomas", "Stevens", "+442079460001", Created);
        var id = await host.ItemAsync("web-1", "crm-7", score: 0.999);
        await host.QueryAsync(db => db.ReviewItems.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ProposedChangesJson,
            ReviewJson.ProposedChanges([new ProposedFieldChange("email", "Email", "thomas.stevens@gmail.com", "tom.stevens@work.example")]))));
        return (host, id);
    }

    [Fact]
    public async Task Applying_a_held_change_writes_the_proposed_email_to_the_target_and_audits_it()
    {
        var (host, item) = await HeldAsync();
        await using var _ = host;

        var outcome = await host.AsAsync<HeldChangeService, ReviewOutcome>(s => s.ApplyAsync(item));

        Assert.True(outcome.Succeeded, outcome.Error);
        var contact = (await host.ContactsAsync())["crm-7"];
        Assert.Equal(("tom.stevens@work.example", "Thomas", "+442079460001"), (contact["email"], contact["first_name"], contact["phone"]));
        var decided = await host.QueryAsync(db => db.ReviewItems.AsNoTracking().SingleAsync(r => r.Id == item));
        Assert.Equal((ReviewStatus.ChangeApplied, ReviewTargetHost.Steward), (decided.Status, decided.DecidedBy));
        var entry = Assert.Single(await host.AuditAsync(AuditActions.ReviewApplyHeldChange));
        Assert.Contains("thomas.stevens@gmail.com", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("tom.stevens@work.example", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dismissing_a_held_change_keeps_the_existing_email_and_a_second_decision_is_refused()
    {
        var (host, item) = await HeldAsync();
        await using var _ = host;

        var dismissed = await host.AsAsync<HeldChangeService, ReviewOutcome>(s => s.DismissAsync(item));
        var again = await host.AsAsync<HeldChangeService, ReviewOutcome>(s => s.ApplyAsync(item));

        Assert.True(dismissed.Succeeded, dismissed.Error);
        Assert.Equal("thomas.stevens@gmail.com", (await host.ContactsAsync())["crm-7"]["email"]);
        Assert.Equal(ReviewStatus.ChangeDismissed, (await host.QueryAsync(db => db.ReviewItems.AsNoTracking().SingleAsync(r => r.Id == item))).Status);
        Assert.StartsWith("This change was already decided (ChangeDismissed by steward@example.com)", again.Error, StringComparison.Ordinal);
        Assert.Single(await host.AuditAsync(AuditActions.ReviewDismissHeldChange));
    }

    [Fact]
    public async Task A_record_changed_since_the_change_was_held_is_not_overwritten()
    {
        var (host, item) = await HeldAsync();
        await using var _ = host;
        await SqliteTables.ExecuteAsync(host.TargetPath, "UPDATE contacts SET email = 't.stevens@gmail.com' WHERE id = 'crm-7'");

        var outcome = await host.AsAsync<HeldChangeService, ReviewOutcome>(s => s.ApplyAsync(item));

        Assert.Equal("Email changed in crm since the run held this change (it is now \"t.stevens@gmail.com\"): nothing was written. "
            + "Dismiss the change, or correct the record in the system.", outcome.Error);
        Assert.Equal("t.stevens@gmail.com", (await host.ContactsAsync())["crm-7"]["email"]);
    }

    [Fact]
    public async Task The_comparison_of_a_held_change_reads_only_the_existing_record_and_offers_no_merge()
    {
        var (host, item) = await HeldAsync();
        await using var _ = host;

        var comparison = (await host.AsAsync<ReviewComparisonService, ReviewComparison?>(s => s.CompareAsync(item)))!;

        Assert.Null(comparison.TargetProblem);
        Assert.Equal(("source", false, true), (comparison.SourceSystemName, comparison.CanMerge, comparison.CanApply));
        Assert.Equal("tom.stevens@work.example", Assert.Single(comparison.ProposedChanges).Proposed);
    }

    [Fact]
    public async Task A_held_change_cannot_be_merged_as_a_pair()
    {
        var (host, item) = await HeldAsync();
        await using var _ = host;

        var outcome = await host.AsAsync<MergeService, ReviewOutcome>(s => s.MergeAsync(new MergeRequest(item, "crm-7", new Dictionary<string, string>())));

        Assert.Equal("This item is a held change, not a pair of duplicates: apply or dismiss the proposed values on its page.", outcome.Error);
        Assert.Single(await host.ContactsAsync());
    }

    [Fact]
    public async Task A_manager_may_not_apply_a_held_change()
    {
        var (host, item) = await HeldAsync();
        await using var _ = host;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.AsAsync<HeldChangeService, ReviewOutcome>(s => s.ApplyAsync(item), Roles.Manager));

        Assert.Equal("thomas.stevens@gmail.com", (await host.ContactsAsync())["crm-7"]["email"]);
    }
}
