using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Pages;

/// <summary>The app bar and navigation drawer around every signed-in page.</summary>
public sealed class PortalShell(IPage page)
{
    public ILocator NavLinks => page.Locator("#main-nav [data-nav]");

    public async Task<IReadOnlyList<string>> MenuAsync() =>
        (await NavLinks.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-nav'))")).ToList();

}
