using CrmGovernance.Core.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// Quality:Assessments:Schedule (UTC): queues, as the portal itself, one assessment of every system's object the current
/// configuration lets the portal assess, skipping any that is waiting or running already. The runner then works through
/// them one at a time.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class AssessmentScheduleJob(AssessmentService assessments, ActorContext actor, IOptions<AssessmentScheduleOptions> options,
    ILogger<AssessmentScheduleJob> logger) : IJob
{
    public static readonly JobKey Key = new("assessment-schedule", "quality");
    public static readonly TriggerKey Trigger = new("assessment-schedule-cron", "quality");

    /// <summary>The job's name in the audit trail and on the assessments it queues ("system:assessment schedule").</summary>
    public const string ActorName = "assessment schedule";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.Scheduled)
        {
            // The trigger was stored while a schedule was configured, and the schedule has been removed since.
            await context.Scheduler.UnscheduleJob(context.Trigger.Key, cancellationToken);
            LogUnscheduled(logger);
            return;
        }
        await RunAsync(context.FireInstanceId, cancellationToken);
    }

    /// <summary>One round, as the portal itself (never for a person): the ids of the assessments queued and the names of those skipped.</summary>
    internal async Task<(IReadOnlyList<long> Queued, IReadOnlyList<string> Skipped)> RunAsync(string? correlationId, CancellationToken cancellationToken)
    {
        actor.SetSystem(ActorName, correlationId);
        var round = await assessments.QueueEveryAsync(options.Value.Region, options.Value.StaleMonths, cancellationToken);
        LogRound(logger, round.Queued.Count, round.Skipped.Count == 0 ? "none" : string.Join(", ", round.Skipped));
        return round;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled assessments: {Queued} queued; skipped, as one is waiting or running: {Skipped}")]
    private static partial void LogRound(ILogger logger, int queued, string skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quality:Assessments:Schedule is empty: the stored schedule of assessments was removed")]
    private static partial void LogUnscheduled(ILogger logger);
}
