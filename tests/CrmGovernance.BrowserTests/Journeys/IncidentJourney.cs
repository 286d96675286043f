using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class IncidentJourney(BrowserPortal portal)
{
    [Fact]
    public async Task An_owner_sees_the_bell_opens_the_incident_acknowledges_it_and_resolves_it_with_a_note()
    {
        // A failure on the shop flow, as a trigger would hand it over: the flow's owner is the demo business owner.
        var title = $"Shop orders stopped arriving ({Guid.NewGuid().ToString("N")[..6]})";
        var id = await portal.Services.GetRequiredService<IncidentRecorder>().RecordAsync(
            new IncidentSignal(IncidentCause.Reported, title, "The shop's order table was renamed.") { FlowId = DemoConfiguration.OrdersFlow });

        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(owner.Email, owner.Password);

        // The bell counts it (written by the notifications subscriber, pushed live), and its menu leads to the incident.
        var bell = page.Locator("#notification-bell");
        await page.Locator("#notification-bell:not([data-unread='0'])").WaitForAsync(new() { Timeout = 30_000 });
        var item = page.Locator(".mud-popover-open [data-notification]", new() { HasText = title });
        // The demo's rules keep notifying the owner, and each one re-renders the open menu: a click can land on an item
        // being replaced, so open the menu and click again until the incident's page comes.
        for (var attempt = 1; ; attempt++)
        {
            await OpenMenuAsync(page, bell, item);
            await item.ClickAsync();
            try
            {
                await page.WaitForURLAsync($"**/incidents/{id}", new() { Timeout = 10_000, WaitUntil = WaitUntilState.Commit });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // Try again.
            }
        }
        await page.Locator("#incident-title", new() { HasText = title }).WaitForAsync();
        Assert.Contains(owner.Email, await page.Locator("#incident-owner").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        await Interactive.ClickUntilAsync(page.Locator("#incident-acknowledge"), page.Locator("#incident-state", new() { HasText = "acknowledged" }));

        await page.Locator("#incident-resolve").ClickAsync();
        await page.Locator("#resolve-note").FillAsync("The shop's export job renamed the table; renamed it back.");
        await page.Locator("#resolve-category").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Configuration" }).ClickAsync();
        await page.Locator("#resolve-confirm").ClickAsync();
        await page.Locator("#incident-state", new() { HasText = "resolved" }).WaitForAsync();
        await page.Locator("#incident-resolution", new() { HasText = "renamed it back" }).WaitForAsync();

        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var incident = await db.Set<Incident>().SingleAsync(i => i.Id == id);
        Assert.Equal((IncidentState.Resolved, IncidentEnding.Resolved, ResolutionCategory.Configuration), (incident.State, incident.Ending, incident.ResolutionCategory));
        Assert.NotNull(incident.AcknowledgedUtc);
        var timeline = await db.Set<IncidentEntry>().Where(e => e.IncidentId == id).Select(e => new { e.Kind, e.Actor }).ToListAsync();
        Assert.Contains(timeline, e => e.Kind == IncidentEntryKind.Acknowledged && e.Actor == owner.Email);
        Assert.Contains(timeline, e => e.Kind == IncidentEntryKind.Resolved && e.Actor == owner.Email);
        Assert.Contains(timeline, e => e.Kind == IncidentEntryKind.Notification);
        await page.Context.CloseAsync();
    }

    /// <summary>Clicks the bell until its menu is open (the circuit may attach after the first paint), then waits for the item.</summary>
    private static async Task OpenMenuAsync(IPage page, ILocator bell, ILocator item)
    {
        var open = page.Locator(".mud-popover-open", new() { HasText = "Mark all read" });
        for (var attempt = 0; attempt < 20 && !await open.IsVisibleAsync(); attempt++)
        {
            await bell.Locator("button").First.ClickAsync();
            try
            {
                await open.WaitForAsync(new() { Timeout = 1_000 });
            }
            catch (TimeoutException)
            {
                // Not interactive yet; click again.
            }
        }
        try
        {
            await item.WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The bell's menu showed: " + await page.Locator("body").InnerTextAsync());
        }
    }
}
