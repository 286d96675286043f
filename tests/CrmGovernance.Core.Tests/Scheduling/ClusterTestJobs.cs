using Quartz;

namespace CrmGovernance.Core.Tests.Scheduling;

/// <summary>A quick job that may run beside itself: each fire is one row.</summary>
public sealed class TickJob(FireLog log) : IJob
{
    public static readonly JobKey Key = new("tick", "cluster-test");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await log.StartAsync("tick", context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.Scheduler.SchedulerInstanceId, finished: true);
}

/// <summary>A job that must never overlap itself, busy most of the time: the one a killed node is running.</summary>
[DisallowConcurrentExecution]
public sealed class LongJob(FireLog log) : IJob
{
    public static readonly JobKey Key = new("long", "cluster-test");
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = await log.StartAsync("long", context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.Scheduler.SchedulerInstanceId, finished: false);
        await Task.Delay(Duration, cancellationToken);
        await log.FinishAsync(id);
    }
}
