using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>One Quartz job per active flow (the job's name is the flow id): a run on its cron, or when its inbox fills.</summary>
[DisallowConcurrentExecution]
public sealed partial class SyncFlowJob(SyncRunner runner, FlowScheduler scheduler, ILogger<SyncFlowJob> logger) : IJob
{
    public const string Group = "sync";
    public const string TriggerKind = "trigger";

    public static JobKey KeyFor(Guid flowId) => new(flowId.ToString("D"), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.JobDetail.Key.Name, out var flowId))
        {
            return;
        }
        var fromInbox = context.MergedJobDataMap.TryGetString(TriggerKind, out var kind) && kind == nameof(SyncTrigger.Inbox);
        scheduler.Started(flowId);
        try
        {
            await runner.RunAsync(new SyncRunRequest(flowId, fromInbox ? SyncTrigger.Inbox : SyncTrigger.Schedule, "scheduler",
                DueUtc: fromInbox ? null : context.ScheduledFireTimeUtc?.UtcDateTime), ActorContext.System("scheduler"), cancellationToken);
        }
        catch (FlowBusyException e)
        {
            LogSkipped(logger, flowId, e.Message);
        }
        catch (InvalidOperationException e)
        {
            LogSkipped(logger, flowId, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled run of flow {FlowId} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, Guid flowId, string reason);
}
