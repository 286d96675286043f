using System.Net;
using System.Text.RegularExpressions;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static CrmGovernance.Web.Tests.Sync.InboundPortal;

namespace CrmGovernance.Web.Tests.FirstRun;

public sealed partial class LiveDemoTests(LiveDemoFixture fixture, ITestOutputHelper output) : IClassFixture<LiveDemoFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly PortalHost _host = fixture.Host;

    [Fact]
    public async Task Within_ninety_seconds_of_a_first_start_all_three_flows_have_run_and_every_outcome_has_occurred()
    {
        Guid[] flows = [DemoConfiguration.WebFormFlow, DemoConfiguration.OrdersFlow, DemoConfiguration.OpportunitiesFlow];
        var ran = new List<Guid>();
        var outcomes = new List<OutcomeKind>();
        while (fixture.Elapsed < Limit)
        {
            ran = await QueryAsync(_host, db => db.SyncRuns.Where(r => !r.DryRun && r.FinishedUtc != null).Select(r => r.FlowId).Distinct().ToListAsync());
            outcomes = await QueryAsync(_host, db => db.RecordOutcomes.Select(o => o.Outcome).Distinct().ToListAsync());
            if (flows.All(ran.Contains) && Enum.GetValues<OutcomeKind>().All(outcomes.Contains))
            {
                break;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        output.WriteLine($"After {fixture.Elapsed.TotalSeconds:N1} s: flows run {ran.Count}, outcomes {string.Join(", ", outcomes.Order())}.");

        Assert.All(flows, f => Assert.Contains(f, ran));
        Assert.Equal(Enum.GetValues<OutcomeKind>(), outcomes.Order());
        Assert.True(File.Exists(_host.Services.GetRequiredService<DemoPaths>().WebsiteKey), "The website's key is kept for the next start.");
    }

    [Fact]
    public async Task The_demo_form_posts_an_enquiry_to_the_inbox_and_thanks_the_visitor_with_its_inbox_id()
    {
        using var client = _host.NewClient();

        using var response = await Forms.PostAsync(client, "demo/form", "demo-enquiry", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "ada",
            ["Input.LastName"] = "",
            ["Input.Email"] = " Ada.Lovelace@Example.org",
            ["Input.Phone"] = "(020) 7946 0999",
            ["Input.Message"] = "Please call me.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var id = long.Parse(InboxId().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"href=\"runs/inbox/{id}\"", page, StringComparison.Ordinal);
        var item = await QueryAsync(_host, db => db.InboxItems.SingleAsync(i => i.Id == id));
        Assert.Equal(("website", "contact"), (item.SystemKey, item.ObjectKey));
        Assert.Contains("\"email\":\" Ada.Lovelace@Example.org\"", item.PayloadJson, StringComparison.Ordinal);
        Assert.Contains("\"last_name\":\"\"", item.PayloadJson, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"your enquiry was received \(inbox id (\d+)\)")]
    private static partial Regex InboxId();
}
