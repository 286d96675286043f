using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Stewardship.Review;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Review;

/// <summary>
/// The bulk "merge with default choices" on a CRM whose contacts carry a company and a last activity time, under the
/// default contact rule, where the website owns email (most recent wins): what lands in the CRM.
/// </summary>
public sealed class BulkMergeDefaultsTests
{
    private static readonly DateTime Older = new(2025, 2, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Newer = new(2026, 3, 1, 16, 30, 0, DateTimeKind.Utc);

    private static Task<ReviewTargetHost> StartAsync() => ReviewTargetHost.StartAsync(
        "ALTER TABLE contacts ADD COLUMN company TEXT; ALTER TABLE contacts ADD COLUMN last_activity_at TEXT;",
        configuration => configuration with
        {
            Fields =
            [
                .. configuration.Fields,
                new FieldDefinition { Id = Guid.NewGuid(), SystemId = ReviewTargetHost.Crm, ObjectId = ReviewTargetHost.Contact, Name = "company", Type = FieldType.Text },
                new FieldDefinition
                {
                    Id = Guid.NewGuid(), SystemId = ReviewTargetHost.Crm, ObjectId = ReviewTargetHost.Contact, Name = "last_activity_at", Type = FieldType.DateTime,
                },
            ],
            MatchRules = [DefaultMatchRules.Contact(Guid.NewGuid(), ReviewTargetHost.Contact)],
            SourcesOfTruth =
            [
                new SourceOfTruth
                {
                    Id = Guid.NewGuid(), ObjectId = ReviewTargetHost.Contact, SystemOfRecordId = ReviewTargetHost.Crm,
                    Fields = [new() { Field = "email", OwnerSystemId = ReviewTargetHost.Source, Strategy = SurvivorshipStrategy.MostRecent }],
                },
            ],
        });

    private static Task SetAsync(ReviewTargetHost host, string id, string company, string? lastActivity) =>
        SqliteTables.ExecuteAsync(host.TargetPath, "UPDATE contacts SET company = @c, last_activity_at = @a WHERE id = @id",
            ("@id", id), ("@c", company), ("@a", lastActivity));

    [Fact]
    public async Task A_fuzzy_pair_keeps_the_existing_email_and_takes_the_latest_last_activity_at()
    {
        await using var host = await StartAsync();
        await host.ContactAsync("crm-1", "thomas.stevens@harbourside.example", "Thomas", "Stevens", null, Older);
        await host.ContactAsync("web-1", "thomas.stevnes@harbourside.example", "Thomas", "Stevens", "+447700900123", Newer);
        await SetAsync(host, "crm-1", "Harbourside Shipping", "2026-01-10T08:00:00Z");
        await SetAsync(host, "web-1", "Harbourside Shipping", "2026-03-01T16:30:00Z");
        // The website links only to the new record: by the source of truth alone, its (mistyped) email would win.
        await host.LinkAsync("web-src-1", "web-1");
        var item = await host.ItemAsync("web-1", "crm-1", score: 0.97);

        var result = await host.AsAsync<BulkMerger, BulkMergeResult>(m => m.MergeWithDefaultsAsync([item], 0.9));

        Assert.Equal((1, 0, 0), (result.Merged, result.MailboxAndEmployerDiffer, result.Failed.Count));
        var survivor = Assert.Single(await host.ContactsAsync()).Value;
        Assert.Equal("crm-1", survivor["id"]);
        Assert.Equal("thomas.stevens@harbourside.example", survivor["email"]);
        Assert.Equal("2026-03-01T16:30:00Z", survivor["last_activity_at"]);
        Assert.Equal("+447700900123", survivor["phone"]); // a value over an empty one
    }

    [Fact]
    public async Task Namesakes_whose_email_and_company_both_differ_are_left_out_of_a_bulk_merge_and_counted()
    {
        await using var host = await StartAsync();
        await host.ContactAsync("crm-2", "john.whitcombe@harbourside.example", "John", "Whitcombe", "+441632960555", Older);
        await host.ContactAsync("web-2", "jwhitcombe@northgate.example", "John", "Whitcombe", "+441632960555", Newer);
        await SetAsync(host, "crm-2", "Harbourside Shipping", null);
        await SetAsync(host, "web-2", "Northgate Analytics", null);
        var item = await host.ItemAsync("web-2", "crm-2", score: 0.985);

        var comparison = await host.AsAsync<ReviewComparisonService, ReviewComparison?>(s => s.CompareAsync(item));
        var result = await host.AsAsync<BulkMerger, BulkMergeResult>(m => m.MergeWithDefaultsAsync([item], 0.9));

        Assert.True(comparison!.MailboxAndEmployerDiffer);
        Assert.Equal((0, 1, 0), (result.Merged, result.MailboxAndEmployerDiffer, result.Failed.Count));
        var contacts = await host.ContactsAsync();
        Assert.Equal(["crm-2", "web-2"], contacts.Keys.Order());
        Assert.Equal("jwhitcombe@northgate.example", contacts["web-2"]["email"]);
        var reviewItem = await host.QueryAsync(db => db.ReviewItems.SingleAsync(r => r.Id == item));
        Assert.Equal(ReviewStatus.Open, reviewItem.Status);
    }

    [Fact]
    public async Task The_comparison_marks_what_the_rule_compares_as_identity_and_last_activity_at_as_latest_time()
    {
        await using var host = await StartAsync();
        await host.ContactAsync("crm-3", "ann.lee@example.com", "Ann", "Lee", null, Older);
        await host.ContactAsync("web-3", "ann.lee@example.org", "Ann", "Lee", null, Newer);
        var item = await host.ItemAsync("web-3", "crm-3");

        var comparison = await host.AsAsync<ReviewComparisonService, ReviewComparison?>(s => s.CompareAsync(item));

        var kinds = comparison!.Fields.ToDictionary(f => f.Name, f => f.Kind);
        Assert.Equal(MergeFieldKind.Identity, kinds["email"]);
        Assert.Equal(MergeFieldKind.Identity, kinds["company"]);
        Assert.Equal(MergeFieldKind.LatestTime, kinds["last_activity_at"]);
        Assert.False(comparison.MailboxAndEmployerDiffer);
    }
}
