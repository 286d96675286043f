using CrmGovernance.Core.Data;
using CrmGovernance.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CrmGovernance.Core.Tests.Scheduling;

/// <summary>
/// One node of a clustered scheduler, configured as the portal configures it (<see cref="SchedulerStoreSetup"/>), run as
/// a child process of the tests (<c>dotnet CrmGovernance.Core.Tests.dll scheduler-node …</c>) so a test can SIGKILL it.
/// It prints "started &lt;instance id&gt;" once its scheduler runs, then fires the stored jobs until it is killed.
/// </summary>
internal static class SchedulerNode
{
    public const string Command = "scheduler-node";

    public static SchedulerStore Store(string connectionString) => new(DatabaseProvider.Postgres, connectionString, null, "scheduler");

    /// <summary>Quartz as the portal registers it, with the test's check-in timings; the caller starts it or not.</summary>
    public static ServiceProvider Services(string connectionString, SchedulerClusterOptions cluster)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(new FireLog(connectionString));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerStoreSetup.InstanceName;
                o.IdleWaitTime = TimeSpan.FromSeconds(1);
            });
            q.UsePersistentStore(s => SchedulerStoreSetup.Configure(s, Store(connectionString), cluster));
        });
        return services.BuildServiceProvider();
    }

    public static async Task<int> RunAsync(string connectionString, int checkinSeconds, int thresholdSeconds)
    {
        await new SchedulerStoreInitializer(Store(connectionString)).RunAsync(CancellationToken.None);
        await using var services = Services(connectionString,
            new SchedulerClusterOptions { CheckinIntervalSeconds = checkinSeconds, CheckinMisfireThresholdSeconds = thresholdSeconds });
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        Console.WriteLine($"started {scheduler.SchedulerInstanceId}");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
