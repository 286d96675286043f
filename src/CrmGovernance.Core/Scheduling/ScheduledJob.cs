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
public sealed record ScheduledJob(string Name, Action<IQuartzBuilder> Declare, TriggerKey TriggerKey, Func<ITrigger, ITrigger?> ReplacementFor);
