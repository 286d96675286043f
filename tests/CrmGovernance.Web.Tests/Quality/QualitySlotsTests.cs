using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Web.Features.ChangeControl;
using CrmGovernance.Web.Features.Configuration;
using CrmGovernance.Web.Features.Quality;
using CrmGovernance.Web.Features.Systems;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Quality;

/// <summary>Data quality where the work happens: a flow's page and its change request show the state of its data; a system is offered for assessment.</summary>
public sealed class QualitySlotsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_change_request_touching_a_flow_shows_the_latest_assessment_of_its_source_and_target_and_offers_to_assess_the_one_not_assessed()
    {
        var flow = await AssessedTargetAsync();
        var id = await DraftAsync(flow.Id);
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin, "admin@example.com");

        var page = pages.Context.Render<ChangeRequestPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#cr-data-assessments")));
        var target = page.Find($"[data-latest-assessment='{flow.TargetSystemId}:{flow.ObjectId}']");
        Assert.Contains("overall", target.TextContent, StringComparison.Ordinal);
        Assert.NotNull(target.QuerySelector("[data-assess-now]"));
        var source = page.Find($"[data-latest-assessment='{flow.SourceSystemId}:{flow.ObjectId}']");
        Assert.DoesNotContain("overall", source.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flows_page_offers_its_data_assessment_before_building_and_the_systems_page_offers_each_readable_system()
    {
        var flow = await AssessedTargetAsync();
        await using var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner, "owner@demo.crmgovernance.local");

        var flowPage = pages.Context.Render<FlowDataAssessments>(p => p.Add(x => x.Flow, flow));
        var systems = pages.Context.Render<SystemsPage>();
        var slots = pages.Context.Services.GetRequiredService<Web.Components.Shared.PageSlots>();

        flowPage.WaitForAssertion(() => Assert.Equal(2, flowPage.FindAll("#flow-data-assessments [data-latest-assessment]").Count));
        Assert.Contains("Before building", flowPage.Find("#flow-data-assessments").TextContent, StringComparison.Ordinal);
        Assert.Contains(typeof(FlowDataAssessments), slots.For(FlowSlots.Summary));
        Assert.Contains(typeof(QualityDashboardCard), slots.For(Web.Features.Insights.InsightsSlots.Dashboard));
        systems.WaitForAssertion(() => Assert.NotEmpty(systems.FindAll("[data-assess-system]")));
        Assert.Contains("quality?system=", systems.FindAll("[data-assess-system]")[0].GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_sees_no_offer_to_assess_and_no_assess_button_on_the_systems_page()
    {
        var flow = await AssessedTargetAsync();
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager, "manager@example.com");

        var card = pages.Context.Render<QualityDashboardCard>();

        card.WaitForAssertion(() => Assert.NotEmpty(card.FindAll("[data-quality-row]")));
        Assert.NotEqual("not measured", card.Find("[data-quality-figure='completeness'] .mud-typography-h5").TextContent.Trim());
        var panel = pages.Context.Render<LatestAssessments>(p => p.Add(x => x.Pairs, [(flow.TargetSystemId, flow.ObjectId)]));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-latest-assessment]")));
        Assert.Empty(panel.FindAll("[data-assess-now]"));
    }

    /// <summary>The web form flow, with a completed assessment of its target (the CRM's contacts).</summary>
    private async Task<Core.Features.Configuration.Model.DataFlow> AssessedTargetAsync()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var flow = (await scope.ServiceProvider.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration.FindFlow(DemoConfiguration.WebFormFlow)!;
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.Assessments.Add(new Assessment
        {
            SystemId = flow.TargetSystemId, ObjectId = flow.ObjectId, Status = AssessmentStatus.Completed, RecordsRead = 200, Completeness = 0.9, Validity = 0.8,
            RequestedBy = "owner@example.com", RequestedUtc = DateTime.UtcNow, FinishedUtc = DateTime.UtcNow, ConfigurationVersion = 1,
        });
        await db.SaveChangesAsync();
        return flow;
    }

    private async Task<Guid> DraftAsync(Guid flowId)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-author", "author.admin@example.com", [Roles.Admin], AuditSources.Ui);
        var requests = scope.ServiceProvider.GetRequiredService<ChangeRequestService>();
        var flow = (await scope.ServiceProvider.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration.FindFlow(flowId)!;
        var id = await requests.CreateDraftAsync("Reword the web form flow", "See its data first");
        Assert.True((await requests.SaveItemAsync(id, flow with { Outcome = flow.Outcome + " Data checked." })).Succeeded);
        return id;
    }
}
