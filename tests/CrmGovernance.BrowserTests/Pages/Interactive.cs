using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Pages;

/// <summary>Blazor attaches its circuit after the first paint: a click before that does nothing, so retry until it takes.</summary>
public static class Interactive
{
    public static async Task ClickUntilAsync(ILocator target, ILocator appears, int attempts = 20)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            await target.ClickAsync();
            try
            {
                await appears.WaitForAsync(new() { Timeout = 750 });
                return;
            }
            catch (TimeoutException)
            {
                // Not interactive yet; try again.
            }
        }
        await appears.WaitForAsync();
    }

    /// <summary>
    /// Opens a MudBlazor select and picks the item with this text, again until <paramref name="taken"/> (given a timeout in
    /// milliseconds) shows the choice took: a click that lands while the list is still opening, or after a second click on
    /// the select closed it again, picks nothing.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string item, Func<float, Task> taken, int attempts = 8)
    {
        var option = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!await option.IsVisibleAsync())
                {
                    await ClickUntilAsync(select, option);
                }
                await option.ClickAsync(new() { Timeout = 3000 });
                await taken(attempt < attempts ? 3000 : 15000);
                return;
            }
            catch (TimeoutException) when (attempt < attempts)
            {
                // The choice did not take; open the list again if it closed.
            }
        }
    }
}
