using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Pages;

/// <summary>Operations → Review queue, and one pair's page: compare, choose values, merge, undo.</summary>
public sealed class ReviewQueuePage(IPage page)
{
    /// <summary>
    /// Opens the queue (a full page load: a menu click while the first circuit is still starting can be lost) and waits
    /// for the pair's row, which the list loads once the page is interactive.
    /// </summary>
    public async Task OpenAsync(long showing)
    {
        await page.GotoAsync("review-queue");
        await page.Locator($"[data-open='{showing}']").WaitForAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Opens a pair from the list and waits until both records have been read from their system.</summary>
    public async Task OpenPairAsync(long id)
    {
        await page.Locator($"[data-open='{id}']").ClickAsync();
        await page.Locator("#comparison").WaitForAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Keeps the value of one side ("left" incoming, "right" existing) for a field; retried until the circuit takes the click.</summary>
    public Task TakeAsync(string side, string field, string value) =>
        Interactive.ClickUntilAsync(page.Locator($"td[data-take='{side}'][data-field='{field}']"),
            page.Locator($"td[data-result='{field}']", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*" + System.Text.RegularExpressions.Regex.Escape(value) + "\\s*$") }));

    public async Task MergeAsync()
    {
        await page.Locator("#merge").ClickAsync();
        await page.Locator("#merge-confirm").ClickAsync();
        await page.Locator("[data-merge] #unmerge").WaitForAsync();
    }

    /// <summary>The survivor's value as the page read it back from the system after the merge.</summary>
    public Task<string> NowAsync(string field) => page.Locator($"[data-merge] td[data-now='{field}']").InnerTextAsync();

    public async Task UndoAsync()
    {
        await page.Locator("#unmerge").ClickAsync();
        await page.Locator("#unmerge-confirm").ClickAsync();
        await page.Locator(".mud-snackbar", new() { HasText = "Merge undone" }).WaitForAsync();
    }

    public Task<string> StatusAsync() => page.Locator("#review-status").InnerTextAsync();
}
