using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Web.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Sync;

/// <summary>Per-flow figures on the runs pages of the demo: lead response where leads are captured, and when each flow was last checked.</summary>
public sealed class FlowFiguresTests(DemoPortalWithoutWorker fixture) : IClassFixture<DemoPortalWithoutWorker>
{
    [Fact]
    public async Task Lead_response_is_shown_for_the_web_form_flow_and_not_for_shop_orders()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var orders = Run(DemoConfiguration.OrdersFlow, "Shop orders to CRM");
        var enquiries = Run(DemoConfiguration.WebFormFlow, "Web form to CRM contacts");
        var ordersId = await pages.AddRunAsync(orders);
        var enquiriesId = await pages.AddRunAsync(enquiries);

        var ordersPage = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, ordersId));
        var enquiriesPage = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, enquiriesId));

        ordersPage.WaitForAssertion(() => Assert.NotNull(ordersPage.Find("#run-duplicates")));
        Assert.Empty(ordersPage.FindAll("#run-lead-response"));
        Assert.DoesNotContain("lead response", ordersPage.Markup, StringComparison.OrdinalIgnoreCase);
        enquiriesPage.WaitForAssertion(() => Assert.Contains("931 h", enquiriesPage.Find("#run-lead-response").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_record_s_values_are_shown_under_the_labels_of_the_target_s_fields()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var id = await pages.AddRunAsync(Run(DemoConfiguration.WebFormFlow, "Web form to CRM contacts"),
            new RecordOutcome { SourceId = "web-9", TargetId = "C-00001", Outcome = OutcomeKind.Updated,
                BeforeJson = """{"first_name":"Ann","email":"ann@example.com"}""", AfterJson = """{"first_name":"Anne","email":"ann@example.com"}""" });
        var page = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-outcome]")));

        // Found and clicked in one turn of the renderer: a render between the two would retire the button's handler.
        await page.InvokeAsync(() => page.Find("#outcomes-grid tbody tr button").Click());

        page.WaitForAssertion(() => Assert.Equal("First name", page.Find("[data-field=first_name] td").TextContent.Trim()));
        Assert.Equal("first_name", page.Find("[data-field=first_name] td").GetAttribute("title"));
        Assert.Equal("Email", page.Find("[data-field=email] td").TextContent.Trim());
    }

    [Fact]
    public async Task The_runs_page_shows_when_each_flow_was_last_checked_and_how_many_polls_found_nothing()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var checkedAt = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await db.FlowCursors.Where(c => c.FlowId == DemoConfiguration.OrdersFlow).ExecuteDeleteAsync();
            db.FlowCursors.Add(new FlowCursor { FlowId = DemoConfiguration.OrdersFlow, UpdatedUtc = checkedAt, LastCheckedUtc = checkedAt, EmptyChecks = 165 });
            await db.SaveChangesAsync();
        }

        var page = pages.Context.Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Contains("2026-12-01T09:30:00Z",
            page.Find("[data-last-checked='Shop orders to CRM'] time").GetAttribute("datetime"), StringComparison.Ordinal));
        Assert.Contains("165 polls since the last run found nothing new", page.Find("[data-last-checked='Shop orders to CRM']").TextContent, StringComparison.Ordinal);
        Assert.Contains("not yet", page.Find("[data-last-checked='Web form to CRM contacts']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_flows_page_shows_when_an_active_flow_was_last_checked_to_those_who_may_see_runs()
    {
        var checkedAt = new DateTime(2026, 12, 2, 7, 15, 0, DateTimeKind.Utc);
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await db.FlowCursors.Where(c => c.FlowId == DemoConfiguration.OpportunitiesFlow).ExecuteDeleteAsync();
            db.FlowCursors.Add(new FlowCursor { FlowId = DemoConfiguration.OpportunitiesFlow, UpdatedUtc = checkedAt, LastCheckedUtc = checkedAt });
            await db.SaveChangesAsync();
        }
        await using var owner = new OperationsPages(fixture.Host, Roles.BusinessOwner);
        await using var auditor = new OperationsPages(fixture.Host, Roles.Auditor);

        var page = owner.Context.Render<Web.Features.Configuration.FlowsPage>();
        var withoutRuns = auditor.Context.Render<Web.Features.Configuration.FlowsPage>();

        page.WaitForAssertion(() => Assert.Equal("2026-12-02T07:15:00Z",
            page.Find("[data-last-checked='CRM opportunities to marketing'] time").GetAttribute("datetime")));
        withoutRuns.WaitForAssertion(() => Assert.NotEmpty(withoutRuns.FindAll("[data-flow]")));
        Assert.Empty(withoutRuns.FindAll("[data-last-checked]"));
    }

    private static SyncRun Run(Guid flowId, string name)
    {
        var run = OperationsPages.Run();
        (run.FlowId, run.FlowName, run.Read, run.Created) = (flowId, name, 2, 2);
        // 931 hours on average: what an order dated weeks ago showed as "lead response".
        (run.LeadResponseMillisecondsTotal, run.LeadResponseCount) = (2L * 931 * 3_600_000, 2);
        return run;
    }
}
