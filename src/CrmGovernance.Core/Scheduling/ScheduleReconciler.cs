using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// Stored triggers are not overwritten at start, so a schedule changed in configuration is applied here, once per job,
/// with a log line, instead of silently keeping the old schedule.
/// </summary>
internal sealed partial class ScheduleReconciler(ISchedulerFactory factory, IEnumerable<ScheduledJob> jobs, ILogger<ScheduleReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var job in jobs)
        {
            if (await scheduler.GetTrigger(job.TriggerKey, cancellationToken) is { } stored && job.ReplacementFor(stored) is { } replacement)
            {
                await scheduler.RescheduleJob(stored.Key, replacement, cancellationToken);
                LogRescheduled(logger, job.Name, Describe(stored), Describe(replacement));
            }
        }
    }

    private static string Describe(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => cron.CronExpressionString ?? "",
        ISimpleTrigger simple => simple.RepeatInterval.ToString(),
        _ => trigger.Key.ToString(),
    };

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of \"{Job}\" changed from {Old} to {New}")]
    private static partial void LogRescheduled(ILogger logger, string job, string old, string @new);
}
