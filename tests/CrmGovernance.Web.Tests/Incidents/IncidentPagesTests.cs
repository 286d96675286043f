using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Web.Features.Incidents;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Incidents;

public sealed class IncidentPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_list_shows_an_active_incident_with_its_severity_clock_and_owner_and_filters_by_text()
    {
        var (id, title) = await ReportAsync(IncidentSeverity.High);
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        pages.Navigation.NavigateTo("incidents?q=" + Uri.EscapeDataString(title));

        var page = pages.Context.Render<IncidentsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-incident='{id}']")));
        Assert.Single(page.FindAll("#incidents-grid [data-incident]"));
        Assert.Contains("High", page.Find("#incidents-grid [data-severity]").TextContent, StringComparison.Ordinal);
        Assert.Contains("acknowledge due in", page.Find("#incidents-grid").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#incident-metrics")));
        Assert.NotNull(page.Find("#report-problem"));
    }

    [Fact]
    public async Task A_manager_sees_an_incident_but_its_actions_are_disabled_with_the_reason()
    {
        var (id, title) = await ReportAsync(IncidentSeverity.Medium);
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);

        var page = pages.Context.Render<IncidentPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains(title, page.Find("#incident-title").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find("#incident-acknowledge").HasAttribute("disabled"));
        Assert.True(page.Find("#incident-resolve").HasAttribute("disabled"));
        Assert.Contains("may work it", page.Find("#incident-may-not").TextContent, StringComparison.Ordinal);
        Assert.Contains("Reported by", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_acknowledges_and_a_resolve_without_a_category_keeps_the_note_typed()
    {
        var (id, _) = await ReportAsync(IncidentSeverity.Low);
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin, "incident.admin@example.com");
        var page = pages.Context.Render<IncidentPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.False(page.Find("#incident-acknowledge").HasAttribute("disabled")));

        await page.Find("#incident-acknowledge").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("acknowledged", page.Find("#incident-state").TextContent.Trim()));
        page.Find("#incident-resolve").Click(); // the handler waits for the dialog to close
        pages.Dialogs.WaitForElement("#resolve-note").Change("Phones fixed at the source.");
        pages.Dialogs.Find("#resolve-confirm").Click();

        pages.Dialogs.WaitForAssertion(() => Assert.Contains("Choose a cause category.", pages.Dialogs.Find("[data-resolve-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Phones fixed at the source.", pages.Dialogs.Find("#resolve-note").GetAttribute("value"));
        Assert.Equal("acknowledged", page.Find("#incident-state").TextContent.Trim());
    }

    /// <summary>A problem reported by hand against the web form flow, with a title no other test uses.</summary>
    private async Task<(long Id, string Title)> ReportAsync(IncidentSeverity severity)
    {
        var title = "Phones lost their country code " + Guid.NewGuid().ToString("N")[..8];
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-reporter", "reporter@example.com", [Roles.Manager], AuditSources.Ui);
        var result = await scope.ServiceProvider.GetRequiredService<IncidentService>().ReportAsync(
            new IncidentReport(title, "Seen on three contacts today.", severity) { FlowId = DemoConfiguration.WebFormFlow, RecordId = "C-7" });
        Assert.True(result.Outcome.Succeeded, string.Join(" ", result.Outcome.Errors));
        return (result.IncidentId!.Value, title);
    }
}
