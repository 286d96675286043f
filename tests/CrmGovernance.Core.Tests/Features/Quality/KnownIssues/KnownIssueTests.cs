using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Quality.KnownIssues;
using CrmGovernance.Core.Tests.Features.Quality.Assessments;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Quality.KnownIssues;

/// <summary>A finding accepted as a known issue: by its owner, with a reason, until a date; audited; back once the date has passed.</summary>
public sealed class KnownIssueTests
{
    private static async Task<T> AsAsync<T>(SyncTestHost host, string name, string role, Func<KnownIssueService, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("user-" + name, name, [role], AuditSources.Ui);
        return await work(scope.ServiceProvider.GetRequiredService<KnownIssueService>());
    }

    private static Task<T> AsOwnerAsync<T>(SyncTestHost host, Func<KnownIssueService, Task<T>> work) =>
        AsAsync(host, AssessmentScenario.Owner, Roles.BusinessOwner, work);

    [Fact]
    public async Task An_owner_accepts_a_finding_until_a_date_it_holds_until_then_and_the_acceptance_is_audited()
    {
        await using var host = await AssessmentScenario.StartAsync();
        var today = await AsOwnerAsync(host, s => Task.FromResult(s.Today));

        var id = await AsOwnerAsync(host, s => s.AcceptAsync(AssessmentScenario.Crm, AssessmentScenario.Contact, "country", FindingKind.NotConforming,
            "  The ERP sends 'uk'; fixed with the ERP upgrade in spring.  ", today.AddDays(90)));

        var issue = Assert.Single(await AsOwnerAsync(host, s => s.ListAsync(AssessmentScenario.Crm, AssessmentScenario.Contact)));
        Assert.Equal((id, "The ERP sends 'uk'; fixed with the ERP upgrade in spring.", AssessmentScenario.Owner), (issue.Id, issue.Reason, issue.AcceptedBy));
        Assert.True(issue.HoldsOn(today.AddDays(90)));
        Assert.False(issue.HoldsOn(today.AddDays(91)));
        Assert.Same(issue, FieldFindingKinds.Holding([issue], "country", FindingKind.NotConforming, today));
        var audit = Assert.Single(await host.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "KnownIssue").ToListAsync()));
        Assert.Equal((AuditActions.Insert, AssessmentScenario.Owner), (audit.Action, audit.ActorName));
        Assert.Contains("fixed with the ERP upgrade", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acceptance_whose_date_has_passed_no_longer_holds_and_the_finding_shows_as_a_finding_again()
    {
        await using var host = await AssessmentScenario.StartAsync();
        var today = await AsOwnerAsync(host, s => Task.FromResult(s.Today));
        await host.QueryAsync(async db =>
        {
            db.KnownIssues.Add(new KnownIssue
            {
                SystemId = AssessmentScenario.Crm, ObjectId = AssessmentScenario.Contact, Field = "fax", Finding = FindingKind.NeverFilled,
                Reason = "Fax is being retired.", Until = today.AddDays(-1), AcceptedBy = AssessmentScenario.Owner, AcceptedUtc = DateTime.UtcNow.AddDays(-30),
            });
            return await db.SaveChangesAsync();
        });

        var issues = await AsAsync(host, "manager@example.com", Roles.Manager, s => s.ListAsync(AssessmentScenario.Crm, AssessmentScenario.Contact));

        var ended = Assert.Single(issues);
        Assert.Null(FieldFindingKinds.Holding(issues, "fax", FindingKind.NeverFilled, today));
        Assert.Same(ended, FieldFindingKinds.Ended(issues, "fax", FindingKind.NeverFilled, today));
    }

    [Fact]
    public async Task Accepting_the_same_finding_again_withdraws_the_earlier_acceptance_and_a_withdrawn_one_no_longer_holds()
    {
        await using var host = await AssessmentScenario.StartAsync();
        var today = await AsOwnerAsync(host, s => Task.FromResult(s.Today));
        var first = await AsOwnerAsync(host, s => s.AcceptAsync(AssessmentScenario.Crm, AssessmentScenario.Contact, "", FindingKind.StaleRecords, "Archive later.", today.AddDays(30)));

        var second = await AsOwnerAsync(host, s => s.AcceptAsync(AssessmentScenario.Crm, AssessmentScenario.Contact, "", FindingKind.StaleRecords, "Archive in Q3.", today.AddDays(120)));
        var withdrawn = await AsOwnerAsync(host, s => s.WithdrawAsync(second));
        var again = await AsOwnerAsync(host, s => s.WithdrawAsync(second));

        var issues = await AsOwnerAsync(host, s => s.ListAsync(AssessmentScenario.Crm, AssessmentScenario.Contact));
        Assert.Equal((true, false), (withdrawn, again));
        Assert.All(issues, i => Assert.NotNull(i.WithdrawnUtc));
        Assert.Equal([second, first], issues.Select(i => i.Id));
        Assert.Null(FieldFindingKinds.Holding(issues, "", FindingKind.StaleRecords, today));
    }

    [Theory]
    [InlineData("", 10, "say why")]
    [InlineData("Because.", -1, "a date from today")]
    [InlineData("Because.", 400, "a date from today")]
    public async Task An_acceptance_without_a_reason_or_outside_the_next_year_is_refused_with_the_reason(string reason, int days, string message)
    {
        await using var host = await AssessmentScenario.StartAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => AsOwnerAsync(host, s =>
            s.AcceptAsync(AssessmentScenario.Crm, AssessmentScenario.Contact, "email", FindingKind.MissingMandatory, reason, s.Today.AddDays(days))));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await host.QueryAsync(db => db.KnownIssues.CountAsync()));
    }

    [Fact]
    public async Task Only_the_owner_of_the_object_or_the_system_or_an_admin_may_accept_and_a_field_must_be_in_the_catalog()
    {
        await using var host = await AssessmentScenario.StartAsync();
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAsync(host, "other@example.com", Roles.BusinessOwner, s =>
            s.AcceptAsync(AssessmentScenario.Crm, AssessmentScenario.Contact, "email", FindingKind.MissingMandatory, "Mine now.", until)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAsync(host, "steward@example.com", Roles.Steward, s =>
            s.AcceptAsync(AssessmentScenario.Crm, AssessmentScenario.Contact, "email", FindingKind.MissingMandatory, "A steward's view.", until)));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => AsOwnerAsync(host, s =>
            s.AcceptAsync(AssessmentScenario.Crm, AssessmentScenario.Contact, "shoe_size", FindingKind.NeverFilled, "Nobody cares.", until)));
        Assert.Contains("no field 'shoe_size'", missing.Message, StringComparison.Ordinal);

        await AsAsync(host, "it@example.com", Roles.BusinessOwner, s =>
            s.AcceptAsync(AssessmentScenario.Crm, AssessmentScenario.Contact, "phone", FindingKind.NotConforming, "The CRM's import fixes them nightly.", until));
        Assert.Empty(await AsAsync(host, "other@example.com", Roles.BusinessOwner, s => s.ListAsync(AssessmentScenario.Crm, AssessmentScenario.Contact)));
    }
}
