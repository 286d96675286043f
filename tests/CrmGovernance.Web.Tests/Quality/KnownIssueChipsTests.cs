using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Quality.KnownIssues;
using CrmGovernance.Web.Features.Quality;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Quality;

/// <summary>Known issues on an assessment's page: amber while accepted, red again once ended, accepted through its dialog.</summary>
public sealed class KnownIssueChipsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_accepted_finding_shows_amber_an_ended_one_red_again_and_an_admin_accepts_another_through_the_dialog()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var id = await SeedAsync(today);
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin, "admin@example.com");

        var page = pages.Context.Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-finding]")));
        Assert.Equal("true", page.Find("[data-finding='lifecycle_stage:NotConforming']").GetAttribute("data-accepted"));
        Assert.Contains("accepted until", page.Find("[data-finding='lifecycle_stage:NotConforming']").TextContent, StringComparison.Ordinal);
        Assert.Equal("false", page.Find("[data-finding='company_id:NeverFilled']").GetAttribute("data-accepted"));
        Assert.NotNull(page.Find("[data-ended='company_id:NeverFilled']"));
        Assert.Equal("false", page.Find("[data-finding='object:StaleRecords']").GetAttribute("data-accepted"));

        await page.InvokeAsync(() => page.Find("[data-accept='phone:NotConforming']").Click());
        pages.Dialogs.WaitForAssertion(() => Assert.NotNull(pages.Dialogs.Find("#accept-confirm")));
        await pages.Dialogs.InvokeAsync(() => pages.Dialogs.Find("#accept-confirm").Click());
        // No reason: refused under its field, the dialog stays open.
        pages.Dialogs.WaitForAssertion(() => Assert.Contains("say why", pages.Dialogs.Markup, StringComparison.Ordinal));
        pages.Dialogs.Find("#accept-reason").Change("Marketing's import spells them nationally; fixed next release.");
        await pages.Dialogs.InvokeAsync(() => pages.Dialogs.Find("#accept-confirm").Click());

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-finding='phone:NotConforming']").GetAttribute("data-accepted")));
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().KnownIssues.AsNoTracking()
            .SingleAsync(k => k.SystemId == DemoConfiguration.Crm && k.Field == "phone" && k.WithdrawnUtc == null);
        Assert.Equal(("admin@example.com", today.AddDays(90)), (stored.AcceptedBy, stored.Until));
    }

    [Fact]
    public async Task A_manager_sees_the_findings_but_is_offered_no_acceptance()
    {
        var id = await SeedAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager, "manager@example.com");

        var page = pages.Context.Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-finding]")));
        Assert.Empty(page.FindAll("[data-accept], [data-withdraw]"));
    }

    private async Task<long> SeedAsync(DateOnly today)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var assessment = new Assessment
        {
            SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, Status = AssessmentStatus.Completed, RecordsRead = 100, Completeness = 1,
            Validity = 0.9, RecordsWithUpdateTime = 100, StaleRecords = 7, Freshness = 0.93, RequestedBy = "owner@example.com", ConfigurationVersion = 1,
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        db.AssessmentFields.AddRange(
            new AssessmentField { AssessmentId = assessment.Id, Field = "lifecycle_stage", Type = FieldType.Picklist, Filled = 100, Checked = 100, Invalid = 4 },
            new AssessmentField { AssessmentId = assessment.Id, Field = "phone", Type = FieldType.Phone, Format = FormatCheck.Phone, Filled = 100, Checked = 100, Invalid = 12 },
            new AssessmentField { AssessmentId = assessment.Id, Field = "company_id", Type = FieldType.Reference, Missing = 100 });
        if (!await db.KnownIssues.AnyAsync(k => k.SystemId == DemoConfiguration.Crm && k.Field == "lifecycle_stage"))
        {
            db.KnownIssues.AddRange(
                new KnownIssue
                {
                    SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, Field = "lifecycle_stage", Finding = FindingKind.NotConforming,
                    Reason = "Old stages from the 2019 import.", Until = today.AddDays(30), AcceptedBy = "owner@example.com", AcceptedUtc = DateTime.UtcNow,
                },
                new KnownIssue
                {
                    SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, Field = "company_id", Finding = FindingKind.NeverFilled,
                    Reason = "Companies come later.", Until = today.AddDays(-1), AcceptedBy = "owner@example.com", AcceptedUtc = DateTime.UtcNow.AddDays(-20),
                });
        }
        await db.SaveChangesAsync();
        return assessment.Id;
    }
}
