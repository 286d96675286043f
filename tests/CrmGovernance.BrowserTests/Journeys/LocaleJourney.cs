using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Playwright;

namespace CrmGovernance.BrowserTests.Journeys;

/// <summary>A browser set to German in Berlin sees a run's times and counts the German way, with the UTC value on hover.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class LocaleJourney(BrowserPortal portal)
{
    [Fact]
    public async Task A_run_time_shows_in_german_date_format_with_the_utc_value_on_hover()
    {
        var started = new DateTime(2026, 3, 9, 17, 4, 5, DateTimeKind.Utc);
        var runId = await AddRunAsync(started);
        var manager = DemoAccounts.All.Single(a => a.Role == Roles.Manager);
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(), Locale = "de-DE", TimezoneId = "Europe/Berlin", ViewportSize = new() { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await new SignInPage(page).SignInAsync(manager.Email, manager.Password);

        await page.GotoAsync($"runs/{runId}");

        // 17:04:05 UTC is 18:04:05 in Berlin (CET) on 9 March; Intl writes it "09.03.2026, 18:04:05" for de-DE.
        var time = page.Locator("#run-facts time.local-time[datetime='2026-03-09T17:04:05Z']");
        await Assertions.Expect(time).ToHaveTextAsync("09.03.2026, 18:04:05");
        await Assertions.Expect(time).ToHaveAttributeAsync("title", "2026-03-09 17:04:05 UTC");
        // The live circuit took the browser's culture too, not only the first (server-rendered) answer: once a click on
        // an outcome chip has gone through the circuit, counts still have German thousands separators.
        for (var attempt = 0; attempt < 20 && !page.Url.Contains("outcome=Created", StringComparison.Ordinal); attempt++)
        {
            await page.Locator("[data-outcome-chip='Created']").ClickAsync();
            await Task.Delay(500);
        }
        Assert.Contains("outcome=Created", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#run-read")).ToContainTextAsync("1.234");
        await Assertions.Expect(time).ToHaveTextAsync("09.03.2026, 18:04:05");
        await context.CloseAsync();
    }

    private async Task<long> AddRunAsync(DateTime startedUtc)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var run = new SyncRun
        {
            FlowId = Guid.NewGuid(), FlowName = "Web form to CRM contacts", ConfigurationVersion = 1, Trigger = SyncTrigger.Manual,
            StartedBy = "owner@example.com", Status = SyncRunStatus.Succeeded, StartedUtc = startedUtc, HeartbeatUtc = startedUtc.AddMinutes(1),
            FinishedUtc = startedUtc.AddMinutes(1), Read = 1234, Created = 1234,
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }
}
