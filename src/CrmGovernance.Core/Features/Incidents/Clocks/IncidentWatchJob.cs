using CrmGovernance.Core.Access;
using Quartz;

namespace CrmGovernance.Core.Features.Incidents.Clocks;

/// <summary>Every minute: one pass of the <see cref="IncidentWatch"/>.</summary>
[DisallowConcurrentExecution]
public sealed class IncidentWatchJob(IncidentWatch watch, ActorContext actor) : IJob
{
    public static readonly JobKey Key = new("incident-watch", "incidents");
    public static readonly TriggerKey Trigger = new("incident-watch-every-minute", "incidents");
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        actor.SetSystem("incident-watch", context.FireInstanceId);
        await watch.RunOnceAsync(cancellationToken);
    }
}
