using System.Collections.Concurrent;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Keeps the scheduler's sync jobs equal to the active flows of the published configuration — at start and whenever a
/// version is published, without a restart — and runs event-driven flows when their inbox fills (plus a slow poll).
/// Singleton and hosted service; does nothing when <see cref="SyncOptions.Worker"/> is off, except on a portal-only node
/// (Node:Role = Portal), which writes the schedule of a version it publishes to the shared store for the worker nodes.
/// </summary>
public sealed partial class FlowScheduler(ISchedulerFactory factory, PublishedConfiguration published, InboxSignal inbox,
    IOptions<SyncOptions> options, CoreHost host, ILogger<FlowScheduler> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Guid, byte> _pending = new();
    private readonly SemaphoreSlim _reconciling = new(1, 1);
    private volatile IReadOnlyList<DataFlow> _eventDriven = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Worker)
        {
            if (!host.RunsWorker && host.Role != HostRole.CommandLine)
            {
                published.Published += OnPublished;
            }
            return;
        }
        published.Published += OnPublished;
        inbox.Arrived += OnArrived;
        await ReconcileAsync((await published.CurrentAsync(cancellationToken)).Configuration, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        published.Published -= OnPublished;
        inbox.Arrived -= OnArrived;
        return Task.CompletedTask;
    }

    public void Dispose() => _reconciling.Dispose();

    /// <summary>A job for the flow began: inbox arrivals from now on need another run.</summary>
    public void Started(Guid flowId) => _pending.TryRemove(flowId, out _);

    public async Task ReconcileAsync(GovernanceConfiguration configuration, CancellationToken cancellationToken)
    {
        await _reconciling.WaitAsync(cancellationToken);
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            var active = configuration.Flows.Where(f => f.Status == FlowStatus.Active).ToList();
            foreach (var stale in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(SyncFlowJob.Group), cancellationToken))
                .Where(k => !active.Any(f => SyncFlowJob.KeyFor(f.Id).Equals(k))))
            {
                await scheduler.DeleteJob(stale, cancellationToken);
                LogUnscheduled(logger, stale.Name);
            }
            foreach (var flow in active)
            {
                await ScheduleAsync(scheduler, flow, cancellationToken);
            }
            _eventDriven = [.. active.Where(f => f.Pattern == FlowPattern.EventDriven)];
            _configuration = configuration;
        }
        finally
        {
            _reconciling.Release();
        }
    }

    private GovernanceConfiguration _configuration = GovernanceConfiguration.Empty;

    private async Task ScheduleAsync(IScheduler scheduler, DataFlow flow, CancellationToken cancellationToken)
    {
        var key = SyncFlowJob.KeyFor(flow.Id);
        var job = JobBuilder.Create<SyncFlowJob>().WithIdentity(key).StoreDurably().WithDescription(flow.Name).Build();
        var triggerKey = new TriggerKey(key.Name, SyncFlowJob.Group);
        var builder = TriggerBuilder.Create().WithIdentity(triggerKey).ForJob(key);
        ITrigger trigger = flow.Pattern == FlowPattern.Scheduled && CronExpression.TryParse(flow.Cron, out _)
            ? builder.WithCronSchedule(flow.Cron!, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build()
            : builder.StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.Value.InboxPollSeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build();
        var existing = await scheduler.GetTrigger(triggerKey, cancellationToken);
        if (existing is not null && Same(existing, trigger))
        {
            return;
        }
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        LogScheduled(logger, flow.Name, flow.Pattern == FlowPattern.Scheduled ? flow.Cron ?? "" : $"inbox, polled every {options.Value.InboxPollSeconds} s");
    }

    private static bool Same(ITrigger a, ITrigger b) => (a, b) switch
    {
        (ICronTrigger x, ICronTrigger y) => x.CronExpressionString == y.CronExpressionString,
        (ISimpleTrigger x, ISimpleTrigger y) => x.RepeatInterval == y.RepeatInterval,
        _ => false,
    };

    private void OnPublished(PublishedSnapshot snapshot) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await ReconcileAsync(snapshot.Configuration, CancellationToken.None);
            }
            catch (SchedulerException e)
            {
                LogReconcileFailed(logger, e);
            }
        });

    private void OnArrived(string systemKey, string objectKey)
    {
        var configuration = _configuration;
        foreach (var flow in _eventDriven)
        {
            if (configuration.FindSystem(flow.SourceSystemId)?.Key == systemKey && configuration.FindObject(flow.ObjectId)?.Key == objectKey
                && _pending.TryAdd(flow.Id, 0))
            {
                _ = TriggerAsync(flow.Id);
            }
        }
    }

    private async Task TriggerAsync(Guid flowId)
    {
        try
        {
            var scheduler = await factory.GetScheduler();
            await scheduler.TriggerJob(SyncFlowJob.KeyFor(flowId), new JobDataMap { [SyncFlowJob.TriggerKind] = nameof(SyncTrigger.Inbox) });
        }
        catch (SchedulerException e)
        {
            _pending.TryRemove(flowId, out _);
            LogReconcileFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {Flow} scheduled: {Schedule}")]
    private static partial void LogScheduled(ILogger logger, string flow, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {Job} removed: its flow is no longer active")]
    private static partial void LogUnscheduled(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Updating the sync schedule failed")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);
}
