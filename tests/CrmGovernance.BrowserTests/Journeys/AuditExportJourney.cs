using ClosedXML.Excel;
using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class AuditExportJourney(BrowserPortal portal)
{
    [Fact]
    public async Task An_auditor_filters_the_log_by_a_change_request_and_downloads_a_workbook_of_exactly_its_rows()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (id, label) = await DraftAsync($"Audit journey {tag}: consent field for the web form");
        await DraftAsync($"Audit journey {tag}: an unrelated request");
        var expected = await AuditRowsOfAsync(id);
        Assert.NotEmpty(expected);

        var auditor = DemoAccounts.All.Single(a => a.Role == Roles.Auditor);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(auditor.Email, auditor.Password);
        var audit = new AuditLogPage(page);
        await audit.OpenAsync();
        await audit.FilterByChangeRequestAsync(id, label);
        await audit.ExpectExportCountAsync(expected.Count);

        var row = await audit.StartExportAsync();
        var file = await audit.DownloadAsync(row);

        try
        {
            using var workbook = new XLWorkbook(file);
            var cover = workbook.Worksheet("Cover").CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Contains(cover, text => text.Contains(label, StringComparison.Ordinal));
            Assert.Contains(cover, text => text.Contains(auditor.Email, StringComparison.Ordinal));
            var log = workbook.Worksheet("Log");
            var header = log.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
            var rows = log.RowsUsed().Skip(1).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(label, r.Cell(header["Change request"]).GetString()));
            var sequences = rows.Select(r => long.Parse(r.Cell(header["Sequence"]).GetString(), System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            Assert.Equal(expected.Order(), sequences.Order());
        }
        finally
        {
            File.Delete(file);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A draft change request made by the business owner through the portal's own service; its creation is audited under it.</summary>
    private async Task<(Guid Id, string Label)> DraftAsync(string title)
    {
        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner);
        await using var scope = portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("browser-tests-owner", owner.Email, [Roles.BusinessOwner], AuditSources.Ui);
        var requests = scope.ServiceProvider.GetRequiredService<ChangeRequestService>();
        var id = await requests.CreateDraftAsync(title, "Evidence for the audit export journey.");
        return (id, (await requests.GetAsync(id))!.Label);
    }

    private async Task<List<long>> AuditRowsOfAsync(Guid changeRequestId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.AuditEntries.Where(e => e.ChangeRequestId == changeRequestId).Select(e => e.Sequence).ToListAsync();
    }
}
