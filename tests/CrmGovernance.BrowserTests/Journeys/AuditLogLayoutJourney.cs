using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class AuditLogLayoutJourney(BrowserPortal portal)
{
    [Fact]
    public async Task An_auditor_reads_the_log_in_business_words_with_no_column_off_screen_at_1280_and_1024_pixels()
    {
        var (id, label) = await DraftWithLongValuesAsync();
        var auditor = DemoAccounts.All.Single(a => a.Role == Roles.Auditor);
        var page = await portal.NewPageAsync();
        try
        {
            await new SignInPage(page).SignInAsync(auditor.Email, auditor.Password);
            var audit = new AuditLogPage(page);
            foreach (var width in new[] { 1280, 1024 })
            {
                await page.SetViewportSizeAsync(width, 900);
                await audit.OpenForChangeRequestAsync(id);

                var actions = await audit.ActionsAsync();
                Assert.Contains(actions, a => a.StartsWith($"Drafted {label}", StringComparison.Ordinal));
                Assert.Contains($"Added a change to flow Shop orders to CRM to {label}", actions);
                Assert.Equal(0, await audit.OverflowAsync());

                // The stored row stays one click away, and its detail (the item's whole JSON) fits too.
                var detail = await audit.OpenDetailAsync($"Added a change to flow Shop orders to CRM to {label}");
                Assert.Contains("ChangeRequestItem", await detail.InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal(0, await audit.OverflowAsync());
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// A draft by the business owner that edits a flow with a long unbroken outcome, so its audit rows hold long values
    /// (the item's before and after JSON) that must wrap or be cut, never widen the page.
    /// </summary>
    private async Task<(Guid Id, string Label)> DraftWithLongValuesAsync()
    {
        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner);
        await using var scope = portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("browser-tests-owner", owner.Email, [Roles.BusinessOwner], AuditSources.Ui);
        var requests = scope.ServiceProvider.GetRequiredService<ChangeRequestService>();
        var current = (await scope.ServiceProvider.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration;
        var id = await requests.CreateDraftAsync("Layout journey: a request whose title is long enough to need wrapping in the audit log's action column",
            "Evidence for the audit log layout journey.");
        var outcome = "Orders-reach-the-CRM-" + string.Concat(Enumerable.Repeat("without-a-single-space-", 20));
        var saved = await requests.SaveItemAsync(id, current.FindFlow(DemoConfiguration.OrdersFlow)! with { Outcome = outcome });
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        return (id, (await requests.GetAsync(id))!.Label);
    }

}
