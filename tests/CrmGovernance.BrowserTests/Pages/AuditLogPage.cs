using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Pages;

/// <summary>Audit → Audit log: the filters, the "Export to Excel" button and the exports panel.</summary>
public sealed partial class AuditLogPage(IPage page)
{
    /// <summary>Opens the log (a full page load) and waits for the grid and the exports panel.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync("audit");
        await page.Locator("#audit-grid").WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator("#audit-exports").WaitForAsync();
    }

    /// <summary>Opens the log filtered to one change request and waits for its rows.</summary>
    public async Task OpenForChangeRequestAsync(Guid id)
    {
        await page.GotoAsync($"audit?cr={id}");
        await page.Locator("#audit-grid [data-audit-action]").First.WaitForAsync(new() { Timeout = 30_000 });
    }

    /// <summary>The actions the rows on the page read as ("Approved CR-12", …).</summary>
    public Task<IReadOnlyList<string>> ActionsAsync() => page.Locator("#audit-grid [data-audit-action]").AllInnerTextsAsync();

    /// <summary>Opens the detail of the row whose action reads <paramref name="action"/> and returns it.</summary>
    public async Task<ILocator> OpenDetailAsync(string action)
    {
        var row = page.Locator("#audit-grid tr", new() { Has = page.Locator("[data-audit-action]", new() { HasText = action }) });
        await row.Locator("button").First.ClickAsync();
        var detail = page.Locator("#audit-grid [data-audit-detail]");
        await detail.First.WaitForAsync();
        return detail.First;
    }

    /// <summary>
    /// How many pixels the page, or the log's own table, is wider than its box: above zero, columns are off-screen
    /// (the grid scrolls inside its container, so the page alone would not tell).
    /// </summary>
    public Task<int> OverflowAsync() => page.EvaluateAsync<int>(@"() => {
        const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
        const grid = [...document.querySelectorAll('#audit-grid .mud-table-container')].map(c => c.scrollWidth - c.clientWidth);
        return Math.max(page, ...grid);
    }");

    /// <summary>Types the label into the change request filter and picks the request from the suggestions (retried until the circuit is up).</summary>
    public async Task FilterByChangeRequestAsync(Guid id, string label)
    {
        var input = page.Locator("#filter-change-request");
        var choice = page.Locator($"[data-change-request-choice='{id}']");
        for (var attempt = 0; attempt < 20 && !await choice.IsVisibleAsync(); attempt++)
        {
            await input.FillAsync("");
            await input.FillAsync(label);
            try
            {
                await choice.WaitForAsync(new() { Timeout = 1_500 });
            }
            catch (TimeoutException)
            {
                // Not interactive yet, or the search had not run: type again.
            }
        }
        await choice.ClickAsync();
        await page.WaitForURLAsync(new Regex("[?&]cr=" + id, RegexOptions.IgnoreCase));
    }

    /// <summary>Waits until the export button says it will export this many audit rows (it counts again after each filter change).</summary>
    public Task ExpectExportCountAsync(long rows) =>
        Assertions.Expect(page.Locator("#export-count")).ToHaveAttributeAsync("data-export-count", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Starts the export and returns the newest export's row in the panel.</summary>
    public async Task<ILocator> StartExportAsync()
    {
        var rowsBefore = await page.Locator("#exports-table tbody tr").CountAsync();
        await page.Locator("#export-start").ClickAsync();
        var rows = page.Locator("#exports-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(rowsBefore + 1, new() { Timeout = 15_000 });
        return rows.First;
    }

    /// <summary>Waits for the row's Download link (the panel polls every second) and downloads the workbook to a temp file.</summary>
    public async Task<string> DownloadAsync(ILocator exportRow)
    {
        var link = exportRow.Locator("[data-download]");
        await link.WaitForAsync(new() { Timeout = 120_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), "crmgov-journey-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        return path;
    }
}
