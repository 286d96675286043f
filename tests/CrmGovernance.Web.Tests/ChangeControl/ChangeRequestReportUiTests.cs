using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Web.Features.ChangeControl;
using CrmGovernance.Web.Tests.Configuration;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.ChangeControl;

/// <summary>
/// "Export report" on a change request, and the list's "Report for a period" where an auditor picks UTC days: both
/// download the workbook through the browser.
/// </summary>
public sealed class ChangeRequestReportUiTests(StandardPortalFixture fixture) : IClassFixture<StandardPortalFixture>
{
    [Fact]
    public async Task A_period_ending_before_it_starts_is_explained_and_cannot_be_exported()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Auditor);
        var dialog = Open(pages);

        dialog.Find("#report-from").Change("2026-03-20");
        dialog.Find("#report-to").Change("2026-03-10");

        dialog.WaitForAssertion(() => Assert.Contains("The \"to\" date must be on or after the \"from\" date.", dialog.Markup, StringComparison.Ordinal));
        Assert.True(dialog.Find("#report-export").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_empty_period_says_so_and_keeps_the_dates_chosen()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Auditor);
        var dialog = Open(pages);

        dialog.Find("#report-from").Change("2001-01-01");
        dialog.Find("#report-to").Change("2001-01-31");
        dialog.Find("#report-export").Click();

        dialog.WaitForAssertion(() => Assert.Equal(
            "No change request was created, submitted or decided from 2001-01-01 to 2001-01-31 (UTC days, both included). There is nothing to report: choose another period.",
            dialog.Find("#report-error").TextContent.Trim()));
        Assert.Equal("2001-01-01", dialog.Find("#report-from").GetAttribute("value"));
        Assert.Empty(pages.Context.JSInterop.Invocations["crmDownload"]);
    }

    [Fact]
    public async Task Export_report_on_a_change_request_downloads_its_workbook()
    {
        var id = await DraftAsync("Single report");
        await using var pages = new OperationsPages(fixture.Host, Roles.Auditor);
        var page = pages.Context.Render<ChangeRequestPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#export-cr-report")));

        page.Find("#export-cr-report").Click();

        await Eventually.EqualAsync(1, () => pages.Context.JSInterop.Invocations["crmDownload"].Count);
        var label = page.Find("#cr-heading").TextContent.Split(' ')[0];
        Assert.Equal($"{label}-report.xlsx", pages.Context.JSInterop.Invocations["crmDownload"].Single().Arguments[0]);
    }

    [Fact]
    public async Task This_months_report_downloads_as_a_workbook_named_for_the_period()
    {
        await DraftAsync("Report me");
        await using var pages = new OperationsPages(fixture.Host, Roles.Auditor);
        var dialog = Open(pages);

        dialog.Find("#report-export").Click();

        var today = DateTime.UtcNow;
        await Eventually.EqualAsync(1, () => pages.Context.JSInterop.Invocations["crmDownload"].Count);
        Assert.Equal($"change-requests-{today:yyyy-MM}-01-to-{today:yyyy-MM-dd}.xlsx", pages.Context.JSInterop.Invocations["crmDownload"].Single().Arguments[0]);
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("#report-export")));
    }

    /// <summary>A draft by the business owner, created now: it falls in this month's report.</summary>
    private async Task<Guid> DraftAsync(string title)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-owner", "owner@example.com", [Roles.BusinessOwner], AuditSources.Ui);
        return await scope.ServiceProvider.GetRequiredService<ChangeRequestService>().CreateDraftAsync(title, "For the report tests");
    }

    private static IRenderedComponent<MudBlazor.MudDialogProvider> Open(OperationsPages pages)
    {
        var page = pages.Context.Render<ChangeRequestsPage>();
        page.Find("#period-report").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.NotNull(pages.Dialogs.Find("#report-export")));
        return pages.Dialogs;
    }
}
