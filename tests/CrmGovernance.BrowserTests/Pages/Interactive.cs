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
}
