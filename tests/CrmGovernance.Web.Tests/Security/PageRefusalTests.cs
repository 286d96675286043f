using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Components.Layout;
using CrmGovernance.Web.Features.ChangeControl;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>No expected condition (a refusal, a conflict, a validation message) ends a user's circuit.</summary>
public sealed class PageRefusalTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_refusal_that_escapes_a_page_becomes_a_message_and_the_page_stays_usable()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        var page = pages.Context.Render<PageErrorBoundary>(p => p.AddChildContent<RefusableForm>());
        page.Find("#reason").Change("Half-written reason");

        await page.Find("#discard").ClickAsync(new());

        pages.Snackbars.WaitForAssertion(() => Assert.Contains("replay or discard", pages.Snackbars.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#reason")));
        Assert.Empty(page.FindAll("#page-error"));
        Assert.Single(page.FindAll("#discard"));
    }

    [Fact]
    public async Task A_fault_on_a_page_shows_a_notice_and_leaves_the_circuit_alive()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        var page = pages.Context.Render<PageErrorBoundary>(p => p.AddChildContent<RefusableForm>(f => f.Add(x => x.Fault, true)));

        await page.Find("#discard").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Something went wrong on this page", page.Find("#page-error").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("A fault", pages.Snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_dry_runs_a_flow_of_someone_elses_change_request_from_its_page()
    {
        var id = await SubmittedRequestAsync();
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin, "reviewing.admin@example.com");
        var page = pages.Context.Render<ChangeRequestPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#dry-run-cr")));

        page.Find("#dry-run-cr button").Click();
        var flow = pages.Popovers.WaitForElement("[data-dry-run-flow]");
        await flow.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Matches(@"/runs/\d+$", pages.Navigation.Uri), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("mud-alert-text-error", pages.Snackbars.Markup, StringComparison.Ordinal);
    }

    /// <summary>A change to the web form flow, drafted and submitted by one admin, waiting for another.</summary>
    private async Task<Guid> SubmittedRequestAsync()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-author", "author.admin@example.com", [Roles.Admin], AuditSources.Ui);
        var requests = scope.ServiceProvider.GetRequiredService<ChangeRequestService>();
        var current = (await scope.ServiceProvider.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration;
        var id = await requests.CreateDraftAsync("Reword the web form flow", "Dry-run it before approving");
        var flow = current.FindFlow(DemoConfiguration.WebFormFlow)!;
        Assert.True((await requests.SaveItemAsync(id, flow with { Outcome = flow.Outcome + " Checked." })).Succeeded);
        var submitted = await requests.SubmitAsync(id);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors));
        return id;
    }
}
