using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Stewardship.Scans;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Quality.Assessments;

/// <summary>An assessment through the real host: requested by an owner, run in the background, its figures stored exactly.</summary>
public sealed class AssessmentTests
{
    [Fact]
    public async Task An_owner_assesses_the_crms_contacts_and_every_figure_is_stored_as_counted()
    {
        await using var host = await AssessmentScenario.StartAsync();
        await AssessmentScenario.AddContactsAsync(host);

        var id = await host.AsOwnerAsync(s => s.RequestAsync(AssessmentScenario.Crm, AssessmentScenario.Contact));
        var done = await host.FinishedAsync(id);

        Assert.Equal((AssessmentStatus.Completed, 120L, 120L, 30L), (done.Status, done.RecordsRead, done.RecordsWithUpdateTime, done.StaleRecords));
        var fields = (await host.AsOwnerAsync(s => s.FieldsAsync(id))).ToDictionary(f => f.Field);
        Assert.Equal(["country", "email", "fax", "lifecycle", "phone"], fields.Keys.Order());
        Assert.Equal((108L, 12L, 108L, 16L), (fields["email"].Filled, fields["email"].Missing, fields["email"].Checked, fields["email"].Invalid));
        Assert.Equal((120L, 40L, 40L), (fields["phone"].Checked, fields["phone"].Invalid, fields["phone"].Reformattable));
        Assert.Equal([new ValueCount("uk", 15)], AssessmentJson.UnknownValues(fields["country"]));
        Assert.Equal((FieldBehaviour.TextLikePicklist, 3), (fields["lifecycle"].Behaviour, fields["lifecycle"].Distinct));
        Assert.Equal((0L, 120L), (fields["fax"].Filled, fields["fax"].Missing));
        Assert.Contains(AssessmentJson.Examples(fields["email"].ExamplesJson), e => e is { RecordId: "c007", Value: "person7.example.com" });
        Assert.Equal(0.9, done.Completeness!.Value, 10);
        Assert.Equal(1 - 71.0 / 348, done.Validity!.Value, 10);
        Assert.Equal(0.75, done.Freshness!.Value, 10);
        // No duplicate scan of the CRM's contacts yet: uniqueness is not measured, and the overall score leaves it out.
        Assert.Null(done.Uniqueness);
        Assert.Equal((0.9 + done.Validity.Value + 0.75) / 3, done.Scores.Overall!.Value, 10);
        var audit = Assert.Single(await host.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.AssessmentStarted).ToListAsync()));
        Assert.Equal((AssessmentScenario.Owner, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.ActorName, audit.EntityId));
    }

    [Fact]
    public async Task Uniqueness_comes_from_the_latest_completed_duplicate_scan_of_the_same_systems_object()
    {
        await using var host = await AssessmentScenario.StartAsync();
        await AssessmentScenario.AddContactsAsync(host);
        await host.QueryAsync(async db =>
        {
            db.DuplicateScans.AddRange(
                new DuplicateScan { SystemId = AssessmentScenario.Crm, ObjectId = AssessmentScenario.Contact, Status = ScanStatus.Completed, DuplicateRate = 0.2 },
                new DuplicateScan { SystemId = AssessmentScenario.Crm, ObjectId = AssessmentScenario.Contact, Status = ScanStatus.Completed, DuplicateRate = 0.04 },
                new DuplicateScan { SystemId = AssessmentScenario.Crm, ObjectId = AssessmentScenario.Contact, Status = ScanStatus.Failed, DuplicateRate = 0.5 });
            return await db.SaveChangesAsync();
        });

        var done = await host.FinishedAsync(await host.AsOwnerAsync(s => s.RequestAsync(AssessmentScenario.Crm, AssessmentScenario.Contact)));

        Assert.Equal((0.04, 0.96), (done.DuplicateRate, done.Uniqueness!.Value));
        Assert.NotNull(done.DuplicateScanId);
    }

    [Fact]
    public async Task A_second_request_while_one_waits_is_refused_and_a_cancelled_one_ends_cancelled_and_is_audited()
    {
        await using var host = await AssessmentScenario.StartAsync();
        await AssessmentScenario.AddContactsAsync(host);
        var first = await host.AsOwnerAsync(s => s.RequestAsync(AssessmentScenario.Crm, AssessmentScenario.Contact));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.AsOwnerAsync(s => s.RequestAsync(AssessmentScenario.Crm, AssessmentScenario.Contact)));
        Assert.Contains("being assessed already", refused.Message, StringComparison.Ordinal);
        var cancelled = await host.AsOwnerAsync(s => s.CancelAsync(first));
        var ended = await host.FinishedAsync(first);

        // It may have completed before the cancel reached it; either way it ended, and a cancel that landed is audited.
        Assert.Equal(cancelled ? AssessmentStatus.Cancelled : AssessmentStatus.Completed, ended.Status);
        var audited = await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AssessmentCancelled));
        Assert.Equal(cancelled ? 1 : 0, audited);
    }

    [Theory]
    [InlineData("UK", "not a country code")]
    [InlineData("", "two-letter ISO 3166 code")]
    public async Task A_region_that_is_not_a_country_code_is_refused_with_the_reason(string region, string reason)
    {
        await using var host = await AssessmentScenario.StartAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => host.AsOwnerAsync(s => s.RequestAsync(AssessmentScenario.Crm, AssessmentScenario.Contact, region)));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await host.QueryAsync(db => db.Assessments.CountAsync()));
    }

    [Fact]
    public async Task An_owner_of_nothing_here_may_neither_assess_the_object_nor_see_its_assessments_and_a_manager_sees_them()
    {
        await using var host = await AssessmentScenario.StartAsync();
        await AssessmentScenario.AddContactsAsync(host);
        var id = await host.AsOwnerAsync(s => s.RequestAsync(AssessmentScenario.Crm, AssessmentScenario.Contact));
        await host.FinishedAsync(id);
        const string Other = "other.owner@example.com";

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.AsAsync(Other, Roles.BusinessOwner, s => s.RequestAsync(AssessmentScenario.Crm, AssessmentScenario.Contact)));
        Assert.Empty(await host.AsAsync(Other, Roles.BusinessOwner, s => s.ChoicesAsync()));
        Assert.Equal(0, (await host.AsAsync(Other, Roles.BusinessOwner, s => s.ListAsync(0, 10))).Total);
        Assert.Null(await host.AsAsync(Other, Roles.BusinessOwner, s => s.GetAsync(id)));
        Assert.Empty(await host.AsAsync(Other, Roles.BusinessOwner, s => s.FieldsAsync(id)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.AsAsync(Other, Roles.BusinessOwner, s => s.CancelAsync(id)));

        Assert.Equal(1, (await host.AsAsync("manager@example.com", Roles.Manager, s => s.ListAsync(0, 10))).Total);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.AsAsync("manager@example.com", Roles.Manager, s => s.RequestAsync(AssessmentScenario.Crm, AssessmentScenario.Contact)));
        // The system's owner answers for its assessments too.
        Assert.Equal(1, (await host.AsAsync("it@example.com", Roles.BusinessOwner, s => s.ListAsync(0, 10))).Total);
    }
}
