using System.Text.RegularExpressions;
using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Scenarios.Gate;
using CrmGovernance.Core.Features.Scenarios.SignOffs;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed partial class ScenarioJourney(BrowserPortal portal)
{
    [Fact]
    public async Task An_owner_captures_a_real_record_a_mapping_change_that_breaks_it_is_blocked_and_once_fixed_is_approved_with_sign_off()
    {
        var (runId, sourceId) = await CreatedContactAsync();
        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(owner.Email, owner.Password);

        // One click on a real record of a run makes it a scenario, saved in a change request of its own.
        await page.GotoAsync($"runs/{runId}?q={Uri.EscapeDataString(sourceId)}");
        var row = page.Locator("#outcomes-grid tbody tr", new() { HasText = sourceId }).First;
        var capture = page.Locator($"[data-capture-scenario='{sourceId}']");
        await Interactive.ClickUntilAsync(row.Locator("button").First, capture);
        await Interactive.ClickUntilAsync(capture, page.Locator("#scenario-name"));
        await page.Locator("[data-expected-values]").First.WaitForAsync();
        Assert.Contains("first_name", await page.Locator("[data-expected-values]").First.InputValueAsync(), StringComparison.Ordinal);
        await page.Locator("#scenario-name").FillAsync("Enquiry from the live website");
        await page.Locator("#save-scenario").ClickAsync();
        await page.WaitForURLAsync(FlowInDraft());
        var requestId = Guid.Parse(FlowInDraft().Match(page.Url).Groups[1].Value);
        await page.Locator("[data-scenario='Enquiry from the live website']").WaitForAsync(new() { Timeout = 30_000 });

        // A change that breaks it: the first name is no longer mapped.
        await page.Locator("[data-mapping='first_name'] [aria-label='Delete mapping']").ClickAsync();
        await page.Locator(".mud-message-box__yes-button").ClickAsync();
        await page.Locator("[data-mapping='first_name']").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // The change request shows the captured record failing, with the difference, and refuses the submission.
        await page.GotoAsync($"change-requests/{requestId}");
        var failing = page.Locator("[data-scenario-outcome='Enquiry from the live website'][data-passed='false']");
        await failing.WaitForAsync(new() { Timeout = 30_000 });
        await failing.Locator("[data-difference='the target record: first_name']").WaitForAsync();
        await page.Locator("#trial-blocked").WaitForAsync();
        var refusal = page.Locator(".mud-alert", new() { HasText = "of Web form to CRM contacts fails on the draft" }).Filter(new() { HasText = "Enquiry from the live website" }).First;
        await Interactive.ClickUntilAsync(page.Locator("#submit-cr"), refusal);
        Assert.Contains("of Web form to CRM contacts fails on the draft", await refusal.InnerTextAsync(), StringComparison.Ordinal);

        // Fixed (the deletion taken back out of the request), it passes; a colleague from sales is asked to sign off.
        await page.Locator("[data-discard^='mapping first_name']").Locator(".mud-chip-close-button").ClickAsync();
        await page.Locator("[data-scenario-outcome='Enquiry from the live website'][data-passed='true']").WaitForAsync(new() { Timeout = 30_000 });
        var manager = DemoAccounts.All.Single(a => a.Role == Roles.Manager);
        await page.Locator("#sign-off-email").FillAsync(manager.Email);
        await page.Locator("#request-sign-off").ClickAsync();
        await page.Locator($"[data-sign-off='{manager.Email}']").WaitForAsync();
        await page.Locator("#submit-cr").ClickAsync();
        await page.Locator("[data-status='Submitted']").WaitForAsync();

        // The admin cannot publish it before the sign-off.
        var admin = DemoAccounts.All.Single(a => a.Role == Roles.Admin);
        var reviewer = await portal.NewPageAsync();
        await new SignInPage(reviewer).SignInAsync(admin.Email, admin.Password);
        await ApproveAsync(reviewer, requestId);
        await reviewer.Locator(".mud-alert", new() { HasText = "has not signed off yet" }).First.WaitForAsync();

        // The manager finds it on Home, reads it in plain words and signs off.
        var sales = await portal.NewPageAsync();
        await new SignInPage(sales).SignInAsync(manager.Email, manager.Password);
        await sales.Locator("[data-home-sign-off] a").First.ClickAsync();
        await sales.Locator("[data-scenario-outcome='Enquiry from the live website'][data-passed='true']").WaitForAsync(new() { Timeout = 30_000 });
        // The page turns interactive after its first paint and draws the form again: type once it stays.
        // A loaded CI machine can take a while to start the circuit, which loads the page again (the form is away meanwhile).
        var comment = sales.Locator("#sign-off-comment");
        for (var attempt = 0; attempt < 20 && await comment.InputValueAsync(new() { Timeout = 60_000 }) != SignOffComment; attempt++)
        {
            await comment.FillAsync(SignOffComment, new() { Timeout = 60_000 });
            await Task.Delay(500);
        }
        await Interactive.ClickUntilAsync(sales.Locator("#sign-off-yes"), sales.Locator("#sign-off-current", new() { HasText = "You signed off" }));

        await ApproveAsync(reviewer, requestId);
        await reviewer.Locator("[data-status='Approved']").WaitForAsync();

        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var checks = await db.ScenarioChecks.AsNoTracking().Where(c => c.ChangeRequestId == requestId).OrderBy(c => c.Id).ToListAsync();
        Assert.Contains(checks, c => c is { Kind: ScenarioCheckKind.Submit, Passed: false });
        Assert.Contains(checks, c => c is { Kind: ScenarioCheckKind.Approve, Passed: true });
        Assert.Equal(SignOffDecision.SignedOff, (await db.SignOffs.AsNoTracking().SingleAsync(s => s.ChangeRequestId == requestId)).Decision);
        var published = await scope.ServiceProvider.GetRequiredService<PublishedConfiguration>().CurrentAsync();
        Assert.Contains(published.Configuration.Scenarios, s => s.Name == "Enquiry from the live website" && s.Inputs.Single().SourceId == sourceId);
        Assert.Contains(published.Configuration.Mappings, m => m.FlowId == DemoConfiguration.WebFormFlow && m.TargetField == "first_name");
        foreach (var p in new[] { page, reviewer, sales })
        {
            await p.Context.CloseAsync();
        }
    }

    private const string SignOffComment = "Sales still gets every enquiry with its name.";

    private static async Task ApproveAsync(IPage reviewer, Guid requestId)
    {
        await reviewer.GotoAsync($"change-requests/{requestId}");
        await reviewer.Locator("#review-comment").WaitForAsync(new() { Timeout = 45_000 });
        await Interactive.ClickUntilAsync(reviewer.Locator("#approve-cr"), reviewer.Locator("#cr-confirm"));
        await reviewer.Locator("#cr-confirm").ClickAsync();
    }

    /// <summary>A contact the live demo created from a website enquiry with a first name (the demo posts one every few seconds).</summary>
    private async Task<(long RunId, string SourceId)> CreatedContactAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using (var scope = portal.Services.CreateScope())
            {
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
                var found = await db.RecordOutcomes.AsNoTracking()
                    .Where(o => o.Outcome == OutcomeKind.Created && o.InboxId != null && o.AfterJson != null && o.AfterJson.Contains("\"first_name\""))
                    .Join(db.SyncRuns.Where(r => r.FlowId == DemoConfiguration.WebFormFlow && !r.DryRun), o => o.RunId, r => r.Id, (o, r) => new { o.RunId, o.SourceId })
                    .OrderByDescending(o => o.RunId).FirstOrDefaultAsync();
                if (found is not null)
                {
                    return (found.RunId, found.SourceId);
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The live demo created no contact from a website enquiry within two minutes.");
            }
            await Task.Delay(2000);
        }
    }

    [GeneratedRegex(@"/flows/[0-9a-f-]{36}\?cr=([0-9a-f-]{36})$")]
    private static partial Regex FlowInDraft();
}
