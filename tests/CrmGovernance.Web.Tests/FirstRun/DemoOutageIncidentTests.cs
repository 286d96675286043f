using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Access;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static CrmGovernance.Web.Tests.Sync.InboundPortal;

namespace CrmGovernance.Web.Tests.FirstRun;

/// <summary>
/// The issue's "done when", on the live demo as a new user runs it (outages on a fast timetable): the marketing system
/// goes offline, its flow fails, one incident opens, owned by the flow's owner and told to them, and it ends as
/// recovered once the system is back.
/// </summary>
public sealed class DemoOutageIncidentTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_demo_outage_opens_one_incident_for_the_marketing_system_owned_by_its_flows_owner_that_recovers()
    {
        using var host = new PortalHost(demo: true, settings: new Dictionary<string, string>
        {
            ["Demo:Live"] = "true",
            ["Demo:Outages"] = "true",
            ["Demo:FirstOutageAfterSeconds"] = "2",
            // The marketing flow runs every 30 s, and its first run (the initial load) can outlast the first two fires on a
            // loaded machine, the outage hitting it mid-run: an outage of 120 s is still seen by a later run's start.
            ["Demo:MarketingOfflineSeconds"] = "120",
            ["Demo:ShopPauseAfterSeconds"] = "3000",
        });
        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner).Email;

        var incident = await UntilAsync(host, db => db.Set<Incident>().AsNoTracking()
            .FirstOrDefaultAsync(i => i.Cause == IncidentCause.SystemUnavailable && i.SystemId == DemoConfiguration.Marketing), TimeSpan.FromSeconds(180));
        Assert.Equal(owner, incident.Owner);
        Assert.False(incident.OwnershipGap);
        Assert.Equal(IncidentSeverity.High, incident.Severity);
        Assert.Equal(1, incident.ConfigurationVersion);

        var recovered = await UntilAsync(host, db => db.Set<Incident>().AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == incident.Id && i.Ending == IncidentEnding.Recovered), TimeSpan.FromSeconds(150));
        output.WriteLine($"Opened {incident.OpenedUtc:T}, recovered {recovered.ClosedUtc:T}, occurrences {recovered.Occurrences}.");
        Assert.Equal(IncidentState.Closed, recovered.State);
        Assert.Equal(1, await QueryAsync(host, db => db.Set<Incident>().CountAsync(i => i.Cause == IncidentCause.SystemUnavailable)));
        // The owner was told, in the portal, that it opened.
        Assert.True(await QueryAsync(host, db => db.Set<Core.Features.Notifications.Notification>()
            .AnyAsync(n => n.IncidentId == incident.Id && n.UserEmail == owner)));
    }

    private static async Task<T> UntilAsync<T>(PortalHost host, Func<Core.Data.CrmDbContext, Task<T?>> query, TimeSpan limit) where T : class
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await QueryAsync(host, query) is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow >= deadline)
            {
                // Say what did happen: the marketing flow's runs and the incidents there are.
                var runs = await QueryAsync(host, db => db.SyncRuns.AsNoTracking().Where(r => r.FlowId == DemoConfiguration.OpportunitiesFlow)
                    .OrderBy(r => r.Id).Select(r => $"#{r.Id} {r.StartedUtc:T} {r.Status}").ToListAsync());
                var incidents = await QueryAsync(host, db => db.Set<Incident>().AsNoTracking().Select(i => $"#{i.Id} {i.Cause} {i.State} {i.Title}").ToListAsync());
                Assert.Fail($"The outage's incident did not come in time. Marketing runs: {string.Join("; ", runs)}. Incidents: {string.Join("; ", incidents)}.");
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
