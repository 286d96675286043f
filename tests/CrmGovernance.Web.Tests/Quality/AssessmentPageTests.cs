using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Web.Features.Quality;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Quality;

public sealed class AssessmentPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_admin_assesses_the_demo_crms_contacts_and_the_page_follows_it_to_its_scores_and_fields()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin, "admin@example.com");
        var assessments = pages.Context.Services.GetRequiredService<AssessmentService>();
        var crmContacts = Assert.Single(await assessments.ChoicesAsync(), t => t.SystemId == DemoConfiguration.Crm && t.ObjectId == StandardObjects.Contact);
        var id = await assessments.RequestAsync(crmContacts.SystemId, crmContacts.ObjectId);

        var page = pages.Context.Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal(nameof(AssessmentStatus.Completed), page.Find("[data-assessment-status]").GetAttribute("data-assessment-status")), Patience);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#assessment-fields [data-field]")));
        Assert.Contains("Contact in CRM", page.Find("#assessment-heading").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Find("[data-dimension='completeness']").GetAttribute("data-measured"));
        Assert.Equal(crmContacts.Fields, page.FindAll("#assessment-fields [data-field]").Count);
    }

    [Fact]
    public async Task A_completed_assessment_shows_unmeasured_dimensions_as_not_measured_and_a_field_opens_to_its_example_records()
    {
        var id = await SeedAsync(new Assessment
        {
            SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, Status = AssessmentStatus.Completed, RecordsRead = 200, Completeness = 0.9,
            Validity = 0.8, RequestedBy = "owner@example.com", ConfigurationVersion = 1,
        }, new AssessmentField
        {
            Field = "country", Type = FieldType.Picklist, Filled = 200, Checked = 200, Invalid = 15,
            UnknownValuesJson = """[{"value":"uk","records":10},{"value":"Germany","records":5}]""",
            ExamplesJson = """[{"recordId":"c-003","value":"uk","problem":"not one of the allowed values"}]""",
        });
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager, "manager@example.com");

        var page = pages.Context.Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-dimension='uniqueness']")));
        Assert.Equal("false", page.Find("[data-dimension='uniqueness']").GetAttribute("data-measured"));
        Assert.Contains(QualityFormat.NotMeasured, page.Find("[data-dimension='freshness']").TextContent, StringComparison.Ordinal);
        // Overall: the mean of the two measured dimensions, not of four.
        Assert.Contains(QualityFormat.Score(0.85), page.Find("[data-dimension='overall']").TextContent, StringComparison.Ordinal);
        Assert.Equal("15 of 200", page.Find("[data-invalid='country']").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-examples]"));
        // A manager reads; only those who may run assessments get a cancel button, and this one is finished anyway.
        Assert.Empty(page.FindAll("#assessment-cancel"));

        await page.InvokeAsync(() => page.Find("[data-expand='country']").Click());

        var examples = page.Find("[data-examples='country']").TextContent;
        Assert.Contains("“uk” (10) · “Germany” (5)", examples, StringComparison.Ordinal);
        Assert.Contains("c-003", examples, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_offers_the_systems_object_and_a_region_that_is_not_a_country_code_is_explained_under_its_field_and_what_was_typed_stays()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin, "admin@example.com");
        pages.Navigation.NavigateTo($"quality?system={DemoConfiguration.Crm}&object={StandardObjects.Contact}");
        var page = pages.Context.Render<DataQualityPage>();
        page.WaitForAssertion(() => Assert.Contains("Contact in CRM", page.Find("#assess-start").OuterHtml, StringComparison.Ordinal), TimeSpan.FromSeconds(2));
        page.Find("#assess-region").Change("UK");

        await page.InvokeAsync(() => page.Find("#assess-start-button").Click());

        page.WaitForAssertion(() => Assert.Contains("The United Kingdom is GB.", page.Find("#assess-start").TextContent, StringComparison.Ordinal));
        Assert.Equal("UK", page.Find("#assess-region").GetAttribute("value"));
    }

    private async Task<long> SeedAsync(Assessment assessment, params AssessmentField[] fields)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        foreach (var field in fields)
        {
            field.AssessmentId = assessment.Id;
        }
        db.AssessmentFields.AddRange(fields);
        await db.SaveChangesAsync();
        return assessment.Id;
    }
}
