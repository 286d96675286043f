using System.Globalization;
using System.Text.RegularExpressions;
using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed partial class InsightsJourney(BrowserPortal portal)
{
    [Fact]
    public async Task A_manager_filters_by_a_flow_opens_a_versions_before_and_after_and_drills_from_a_number_into_the_records()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await SeedPastRunsAsync(today);
        var manager = DemoAccounts.All.Single(a => a.Role == Roles.Manager);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(manager.Email, manager.Password);

        // Home leads a manager to the dashboard; the flow filter goes into the address, so the view can be shared.
        await page.GotoAsync("insights");
        await page.Locator("[data-card='records-moved']").WaitForAsync();
        var flowSelect = page.Locator("#insights-filters .mud-select", new() { HasText = "Flow" });
        await Interactive.ChooseAsync(page, flowSelect.Locator(".mud-input-control").First, "Web form to CRM contacts",
            timeout => page.WaitForURLAsync(new Regex($"flow={DemoConfiguration.WebFormFlow}", RegexOptions.IgnoreCase), new() { Timeout = timeout }));

        // The versions published today are marked on the charts (on one day they share a place, so the versions table beside
        // them is the sure way in); the latest one's before/after names the flows it changed.
        Assert.True(await page.Locator("[data-card='records-moved'] a[data-version]").CountAsync() >= 1);
        await page.Locator("[data-compare]").Last.ClickAsync();
        await page.WaitForURLAsync(VersionPage());
        await page.Locator("#comparison-changed").WaitForAsync();
        await page.Locator("[data-comparison-row='records-moved'], #comparison-nothing-changed").First.WaitForAsync();

        // Days the live demo does not reach: the seeded runs only. The number opens its runs, and they their records.
        var from = today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GotoAsync($"insights?from={from}&to={to}&flow={DemoConfiguration.WebFormFlow}");
        var moved = page.Locator("[data-card-value='records-moved']");
        await page.Locator("[data-card-value='records-moved']", new() { HasText = "12" }).WaitForAsync();
        await moved.ClickAsync();
        await page.WaitForURLAsync(new Regex("insights/drill\\?.*card=records-moved"));
        await page.Locator("#drill-totals[data-counted='12']").WaitForAsync();
        await page.Locator("#drill-records-total[data-total='12']").WaitForAsync();
        Assert.Equal(3, await page.Locator("#drill-runs [data-run]").CountAsync());

        await page.Locator("[data-run-records]").First.ClickAsync();
        await page.Locator("#drill-records-run").WaitForAsync();
        await page.Locator("#drill-records-total[data-total='4']").WaitForAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Three runs of the web form flow on the three days before today, four contacts created by each; then the roll-ups rebuilt.</summary>
    private async Task SeedPastRunsAsync(DateOnly today)
    {
        using var scope = portal.Services.CreateScope();
        var version = (await scope.ServiceProvider.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Version;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            for (var day = 1; day <= 3; day++)
            {
                var started = today.AddDays(-day).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
                var run = new SyncRun
                {
                    FlowId = DemoConfiguration.WebFormFlow, FlowName = "Web form to CRM contacts", ConfigurationVersion = version, Status = SyncRunStatus.Succeeded,
                    Trigger = SyncTrigger.Schedule, StartedBy = "insights journey", StartedUtc = started, FinishedUtc = started.AddSeconds(20), HeartbeatUtc = started, Read = 4, Created = 4,
                };
                db.SyncRuns.Add(run);
                await db.SaveChangesAsync();
                db.RecordOutcomes.AddRange(Enumerable.Range(1, 4).Select(i => new RecordOutcome
                {
                    RunId = run.Id, SourceId = $"journey-{day}-{i}", TargetId = $"t-{day}-{i}", Outcome = OutcomeKind.Created, AtUtc = started.AddSeconds(10),
                    SourceCreatedUtc = started.AddMinutes(-i), AfterJson = """{"email":"x@example.com","last_name":"Lee"}""",
                }));
                await db.SaveChangesAsync();
            }
        }
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("insights journey", null);
        await scope.ServiceProvider.GetRequiredService<InsightsRebuild>().RebuildAsync();
    }

    [GeneratedRegex("insights/versions/\\d+")]
    private static partial Regex VersionPage();
}
