using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// Stored triggers are not overwritten at start, so a cron changed in configuration is applied here, once,
/// with a log line, instead of silently keeping the old schedule.
/// </summary>
internal sealed partial class ScheduleReconciler(ISchedulerFactory factory, IOptions<SchedulerOptions> options, ILogger<ScheduleReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var wanted = options.Value.AuditVerificationCron;
        if (await scheduler.GetTrigger(SchedulerSetup.AuditVerificationTrigger, cancellationToken) is ICronTrigger stored
            && stored.CronExpressionString != wanted)
        {
            var replacement = stored.GetTriggerBuilder()
                .WithCronSchedule(wanted, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.RescheduleJob(stored.Key, replacement, cancellationToken);
            LogRescheduled(logger, stored.CronExpressionString ?? "", wanted);
        }
        var interval = TimeSpan.FromMinutes(options.Value.AuditIncrementalVerifyMinutes);
        if (await scheduler.GetTrigger(SchedulerSetup.AuditIncrementalVerificationTrigger, cancellationToken) is ISimpleTrigger simple
            && simple.RepeatInterval != interval)
        {
            var replacement = simple.GetTriggerBuilder().StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.RescheduleJob(simple.Key, replacement, cancellationToken);
            LogRescheduled(logger, simple.RepeatInterval.ToString(), interval.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit verification schedule changed from {Old} to {New}")]
    private static partial void LogRescheduled(ILogger logger, string old, string @new);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
