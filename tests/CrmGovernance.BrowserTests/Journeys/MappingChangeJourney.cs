using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.ChangeControl;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class MappingChangeJourney(BrowserPortal portal)
{
    [Fact]
    public async Task An_owner_drafts_a_mapping_change_a_second_user_approves_it_and_the_handbook_shows_it()
    {
        // The business owner drafts the change.
        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(owner.Email, owner.Password);
        await page.GotoAsync($"flows/{DemoConfiguration.WebFormFlow}");
        await page.Locator("#flow-heading").WaitForAsync();
        await Interactive.ClickUntilAsync(page.Locator("#start-draft"), page.Locator("#cr-title"));
        await page.Locator("#cr-title").FillAsync("US dates from the new web form");
        await page.Locator("#cr-reason").FillAsync("The redesigned form posts month-first dates.");
        await page.Locator("#cr-create").ClickAsync();
        await page.Locator("[data-working-cr]").WaitForAsync();

        await page.Locator("[data-edit-mapping='last_form_at']").ClickAsync();
        var formats = page.Locator("input[data-step-arg='0:formats'], [data-step-arg='0:formats'] input").First;
        // Month-first dates are added before the formats the website sends today, so the demo form keeps working for the
        // journeys that share this portal (FuzzyTypoJourney sends an enquiry after this change may have been published).
        var today = await formats.InputValueAsync();
        await formats.FillAsync(string.IsNullOrWhiteSpace(today) ? "MM/dd/yyyy HH:mm" : $"MM/dd/yyyy HH:mm|{today}");
        await page.Locator("#preview-sample").FillAsync("submitted_at: 11/26/2026 14:05");
        await page.Locator("#mapping-preview", new() { HasText = "2026-11-26T14:05:00Z" }).WaitForAsync();
        await page.Locator("#save-mapping").ClickAsync();
        // The dialog closes only once the edit is stored in the change request.
        await page.Locator("#save-mapping").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await page.Locator("[data-working-cr]").ClickAsync();
        // The author sees the stored edit in the request before submitting it.
        await page.Locator("[data-diff-new='transforms[0].args.formats']", new() { HasText = "MM/dd/yyyy HH:mm" }).WaitForAsync();
        await page.Locator("#submit-cr").ClickAsync();
        await page.Locator("[data-status='Submitted']").WaitForAsync();
        var requestUrl = page.Url;

        // A second person, the admin, approves it.
        int next;
        var admin = DemoAccounts.All.Single(a => a.Role == Roles.Admin);
        var reviewer = await portal.NewPageAsync();
        await new SignInPage(reviewer).SignInAsync(admin.Email, admin.Password);
        // Home lists what needs the reviewer now.
        await reviewer.Locator("#needs-me a", new() { HasText = "US dates from the new web form" }).ClickAsync();
        await reviewer.WaitForURLAsync(requestUrl);
        // A loaded CI machine can take a while to start the reviewer's circuit and load the request.
        await reviewer.Locator("[data-diff-new='transforms[0].args.formats']", new() { HasText = "MM/dd/yyyy HH:mm" })
            .WaitForAsync(new() { Timeout = 45_000 });
        await ReviewPanelAsync(reviewer, requestUrl);
        // Other journeys on this portal may have published a version before this one (ScenarioJourney does).
        using (var scope = portal.Services.CreateScope())
        {
            next = (await scope.ServiceProvider.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Version + 1;
        }
        await reviewer.Locator("#review-comment").FillAsync("Checked with the web team.");
        await reviewer.Locator("#approve-cr").ClickAsync();
        // The portal says what approving does before it publishes.
        await reviewer.Locator("#cr-confirm-message", new() { HasText = $"publishes it as version {next}" }).WaitForAsync();
        await reviewer.Locator("#cr-confirm").ClickAsync();
        await reviewer.Locator("[data-status='Approved']").WaitForAsync();

        // The new version is listed and the handbook shows the new mapping.
        await reviewer.GotoAsync("versions");
        await reviewer.Locator($"[data-version='{next}']").WaitForAsync();
        await reviewer.GotoAsync($"flows/{DemoConfiguration.WebFormFlow}/handbook");
        var row = reviewer.Locator("[data-handbook-field='last_form_at']");
        Assert.Contains("MM/dd/yyyy HH:mm", await row.InnerTextAsync(), StringComparison.Ordinal);

        await page.Context.CloseAsync();
        await reviewer.Context.CloseAsync();
    }

    /// <summary>
    /// The review panel appears once the reviewer's page is interactive (slow on a loaded CI machine). When it does not,
    /// the failure says what the page showed instead, so a page that decided the admin may not review is told apart
    /// from a slow one.
    /// </summary>
    /// <remarks>
    /// Once on a loaded CI machine the page at the request's address showed the Home page's content instead (the link was
    /// followed while Home was still starting its circuit); the request is then opened once more by its address.
    /// </remarks>
    private static async Task ReviewPanelAsync(IPage reviewer, string requestUrl)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await reviewer.Locator("#review-comment").WaitForAsync(new() { Timeout = 45_000 });
                return;
            }
            catch (TimeoutException)
            {
                if (attempt == 1 && await reviewer.Locator("#needs-me").CountAsync() > 0)
                {
                    await reviewer.GotoAsync(requestUrl);
                    continue;
                }
                var shown = await reviewer.Locator("body").InnerTextAsync();
                throw new InvalidOperationException($"No review panel on {reviewer.Url} after 45 s. The page showed:\n{shown}");
            }
        }
    }
}
