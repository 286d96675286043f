using Quartz;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// A job a feature asks the scheduler to run, declared with <see cref="SchedulingServices.AddScheduledJob"/> in the
/// feature's registration, so the scheduler knows no feature.
/// </summary>
/// <param name="Name">For the log, e.g. "audit chain verification".</param>
/// <param name="Declare">Adds the job and its trigger to Quartz's configuration.</param>
/// <param name="TriggerKey">The trigger as stored.</param>
/// <param name="ReplacementFor">
/// Stored triggers are not overwritten at start: given the stored one, the trigger that replaces it when the configured
/// schedule differs, or null when it is current.
/// </param>
public sealed record ScheduledJob(string Name, Action<IQuartzBuilder> Declare, TriggerKey TriggerKey, Func<ITrigger, ITrigger?> ReplacementFor)
{
    /// <summary>
    /// A durable job on a cron schedule in UTC (a missed fire runs once when the scheduler is back), whose stored trigger is
    /// replaced when the configured expression differs.
    /// </summary>
    public static ScheduledJob Cron<TJob>(string name, JobKey job, TriggerKey trigger, string description, string cron) where TJob : IJob =>
        new(name,
            q =>
            {
                q.AddJob<TJob>(j => j.WithIdentity(job).StoreDurably().WithDescription(description));
                q.AddTrigger(t => t.ForJob(job).WithIdentity(trigger).WithCronSchedule(cron, Utc));
            },
            trigger,
            stored => stored is ICronTrigger current && current.CronExpressionString != cron
                ? current.GetTriggerBuilder().WithCronSchedule(cron, Utc).Build()
                : null);

    private static void Utc(CronScheduleBuilder schedule) =>
        schedule.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
}
