using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using CrmGovernance.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Tests.Events;

/// <summary>An event raised by crmgov, a process of its own, reaches the subscribers of a portal running on the same database.</summary>
public sealed class EventsFromTheCommandLineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_run_finished_by_crmgov_sync_run_in_a_second_process_reaches_a_portal_subscriber()
    {
        using var workspace = await CliWorkspace.CreateAsync(SyncScenario.Build());
        await workspace.AddPeopleAsync(300);
        var subscriber = new RecordingSubscriber("test-portal-subscriber", new HashSet<string> { OperationsEventKinds.Of<RunFinished>() });
        using var portal = await StartPortalAsync(workspace.Root, subscriber);
        try
        {
            // The subscriber starts from the head of the outbox once the dispatcher has seen it: wait for that.
            await WaitForConsumerAsync(workspace.PortalPath, subscriber.Name);

            using (var crmgov = CrmgovProcess.Start("--content-root", workspace.Root, "sync", "run", "people to crm"))
            {
                Assert.True(await crmgov.WaitAsync(Patience) == 0, "crmgov sync run did not succeed:\n" + crmgov.Output);
            }
            var runId = await CliWorkspace.ScalarAsync(workspace.PortalPath, "SELECT Id FROM SyncRuns");

            var received = await subscriber.WaitForAsync(e => e is RunFinished f && f.RunId == runId, TimeSpan.FromSeconds(30));
            var finished = (RunFinished)received.Event;
            Assert.Equal(("Succeeded", 300, 300), (finished.Status, finished.Read, finished.Created));
            Assert.EndsWith("/crmgov", received.Origin, StringComparison.Ordinal);
            Assert.DoesNotContain($"/{Environment.ProcessId}/", received.Origin, StringComparison.Ordinal);
        }
        finally
        {
            await portal.StopAsync();
        }
    }

    /// <summary>The portal's Core services and event delivery on the workspace's content root, with the test's subscriber.</summary>
    private static async Task<IHost> StartPortalAsync(string root, IOperationsEventSubscriber subscriber)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root, EnvironmentName = "Test" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Registered as the portal registers them: its role brings the dispatcher.
        builder.Services.AddCrmCore(builder.Configuration, root, HostRole.Portal);
        builder.Services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmDbContext>();
        builder.Services.AddSingleton(subscriber);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task WaitForConsumerAsync(string portalPath, string name)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await CliWorkspace.ScalarAsync(portalPath, $"SELECT COUNT(*) FROM OperationsEventConsumers WHERE Subscriber = '{name}'") == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The portal's dispatcher did not register the subscriber within 30 s.");
            await Task.Delay(50);
        }
        SqliteConnection.ClearAllPools();
    }
}
