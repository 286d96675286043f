using System.Collections.Concurrent;
using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Starts runs of flows: from the scheduler, the inbox, the Run now and Dry run buttons, and the CLI. One run of a flow
/// at a time (in process by a semaphore, across processes by the flow's lease); dry runs hold neither. Singleton.
/// </summary>
public sealed class SyncRunner(IServiceScopeFactory scopes, PublishedConfiguration published, SyncExecutor executor,
    IOptions<SyncOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, CoreHost host)
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _flows = new();
    private readonly string _node = host.Node.EffectiveName;

    /// <summary>Starts the run in the background; returns the run's id as soon as the run exists.</summary>
    /// <exception cref="FlowBusyException">The flow has a run going.</exception>
    /// <exception cref="InvalidOperationException">The flow does not exist or is not active (the message says so).</exception>
    /// <exception cref="UnauthorizedAccessException">The caller may not start runs of this flow.</exception>
    public async Task<long> StartAsync(SyncRunRequest request, ActorContext caller, CancellationToken cancellationToken)
    {
        return InBackground(await PrepareAsync(request, null, caller, cancellationToken));
    }

    /// <summary>Runs to the end and returns the finished run.</summary>
    public async Task<SyncRun> RunAsync(SyncRunRequest request, ActorContext caller, CancellationToken cancellationToken)
    {
        return await ToTheEndAsync(await PrepareAsync(request, null, caller, cancellationToken), cancellationToken);
    }

    /// <summary>Replays open error-queue items of a flow (all of them when <paramref name="ids"/> is null) with the current published configuration, in the background; returns the run's id.</summary>
    public async Task<long> StartReplayAsync(Guid flowId, IReadOnlyCollection<long>? ids, ActorContext caller, CancellationToken cancellationToken)
    {
        return InBackground(await PrepareAsync(new SyncRunRequest(flowId, SyncTrigger.Replay, caller.Name), ids ?? [], caller, cancellationToken));
    }

    /// <summary>Replays to the end (the CLI).</summary>
    public async Task<SyncRun> ReplayAsync(Guid flowId, IReadOnlyCollection<long>? ids, string startedBy, ActorContext caller, CancellationToken cancellationToken)
    {
        return await ToTheEndAsync(await PrepareAsync(new SyncRunRequest(flowId, SyncTrigger.Replay, startedBy), ids ?? [], caller, cancellationToken), cancellationToken);
    }

    /// <summary>Runs it until the process stops; the run's id is known at once.</summary>
    private long InBackground(RunContext context)
    {
        _ = Task.Run(() =>
        {
            // A run started from a page would carry that person's browser culture; a run behaves the same whoever starts it.
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.InvariantCulture, CultureInfo.InvariantCulture);
            // Nor is it part of the request that started it: its span begins a trace of its own.
            System.Diagnostics.Activity.Current = null;
            return ToTheEndAsync(context, lifetime.ApplicationStopping);
        }, CancellationToken.None);
        return context.Run.Id;
    }

    private async Task<SyncRun> ToTheEndAsync(RunContext context, CancellationToken cancellationToken)
    {
        await using (context)
        {
            await executor.ExecuteAsync(context, cancellationToken);
        }
        return context.Run;
    }

    /// <param name="replayIds">Null: a normal run; empty: replay every open item of the flow; else those items.</param>
    private async Task<RunContext> PrepareAsync(SyncRunRequest request, IReadOnlyCollection<long>? replayIds, ActorContext caller, CancellationToken cancellationToken)
    {
        caller.Ensure(replayIds is null ? Capability.StartRuns : Capability.WorkErrorQueue);
        var scope = scopes.CreateAsyncScope();
        var release = () => { };
        try
        {
            scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("sync worker", null);
            var (configuration, version) = await ConfigurationAsync(scope, request, caller, cancellationToken);
            var (plan, error) = FlowPlan.For(configuration, request.FlowId);
            if (plan is null)
            {
                throw new InvalidOperationException(error);
            }
            caller.EnsureFor(replayIds is null ? Capability.StartRuns : Capability.WorkErrorQueue, [Accountability.ForFlow(configuration, plan.Flow)]);
            if (!request.DryRun && plan.Flow.Status != FlowStatus.Active)
            {
                throw new InvalidOperationException($"The flow {plan.Flow.Name} is {plan.Flow.Status.ToString().ToLowerInvariant()}; only active flows run (a dry run works on any flow).");
            }
            var holder = FlowLease.NewHolder();
            var lease = new FlowLease(scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>(), time, TimeSpan.FromSeconds(options.Value.LeaseSkewSeconds));
            if (!request.DryRun)
            {
                release = await HoldAsync(plan, lease, holder, cancellationToken);
            }
            var cursor = await lease.CursorAsync(plan.Flow.Id, cancellationToken);
            var replay = replayIds is null ? null : await ReplayItemsAsync(scope, plan.Flow.Id, replayIds, cancellationToken);
            var run = await CreateRunAsync(scope, request, plan, version, cancellationToken);
            return new RunContext(scope, run, plan, holder, release) { Cursor = cursor, Replay = replay };
        }
        catch
        {
            release();
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes the flow in this process and across processes; returns how to let it go.</summary>
    private async Task<Action> HoldAsync(FlowPlan plan, FlowLease lease, string holder, CancellationToken cancellationToken)
    {
        var gate = _flows.GetOrAdd(plan.Flow.Id, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, cancellationToken))
        {
            throw new FlowBusyException($"The flow {plan.Flow.Name} is running already; wait for that run to finish.");
        }
        var (acquired, _) = await lease.AcquireAsync(plan.Flow.Id, holder, TimeSpan.FromSeconds(options.Value.LeaseSeconds), cancellationToken);
        if (!acquired)
        {
            gate.Release();
            throw new FlowBusyException($"The flow {plan.Flow.Name} is running in another process (the portal or the command line); wait for that run to finish.");
        }
        var flowId = plan.Flow.Id;
        return () =>
        {
            try
            {
                lease.ReleaseAsync(flowId, holder, CancellationToken.None).GetAwaiter().GetResult();
            }
            finally
            {
                gate.Release();
            }
        };
    }

    /// <summary>The published configuration, or a change request's draft (read without the caller's scope: the caller was checked).</summary>
    private async Task<(GovernanceConfiguration Configuration, int Version)> ConfigurationAsync(AsyncServiceScope scope, SyncRunRequest request, ActorContext caller,
        CancellationToken cancellationToken)
    {
        var current = await published.CurrentAsync(cancellationToken);
        if (request.ChangeRequestId is not { } changeRequest)
        {
            return (current.Configuration, current.Version);
        }
        if (!request.DryRun)
        {
            throw new InvalidOperationException("A change request's draft configuration can only be dry-run; it runs for real once approved.");
        }
        caller.Ensure(Capability.ReadConfiguration);
        var draft = await scope.ServiceProvider.GetRequiredService<ChangeRequestDrafts>().ConfigurationAsync(changeRequest, cancellationToken)
            ?? throw new InvalidOperationException("That change request does not exist any more; nothing was run.");
        return (draft, current.Version);
    }

    private static async Task<IReadOnlyList<ErrorQueueItem>> ReplayItemsAsync(AsyncServiceScope scope, Guid flowId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var query = db.ErrorQueueItems.AsNoTracking().Where(e => e.FlowId == flowId && e.Status == ErrorStatus.Open && e.Kind != ErrorKind.Inbound && e.SourceId != null);
        if (ids.Count > 0)
        {
            query = query.Where(e => ids.Contains(e.Id));
        }
        var items = await query.OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return items.Count == 0 ? throw new InvalidOperationException("Nothing to replay: the flow has no open rejected, failed or held records (among those chosen).") : items;
    }

    private async Task<SyncRun> CreateRunAsync(AsyncServiceScope scope, SyncRunRequest request, FlowPlan plan, int version, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        if (!request.DryRun)
        {
            // This run holds the flow's lease, so a run still marked running was cut off (a crash or a kill).
            await CutOffRuns.InterruptAsync(db, plan.Flow.Id, now, cancellationToken);
        }
        var run = new SyncRun
        {
            FlowId = plan.Flow.Id, FlowName = plan.Flow.Name, ConfigurationVersion = version, ChangeRequestId = request.ChangeRequestId,
            DryRun = request.DryRun, Trigger = request.Trigger, StartedBy = request.StartedBy, StartedUtc = now, HeartbeatUtc = now,
            DueUtc = request.DueUtc, Node = _node,
        };
        if (!request.DryRun && request.Trigger is SyncTrigger.Schedule or SyncTrigger.Inbox)
        {
            // A poll is kept as a run only once it reads a record, or when it fails (SyncExecutor): polls that find
            // nothing only move the flow's "last checked", so they do not bury the runs that did something.
            return run;
        }
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        if (request.Trigger is SyncTrigger.Manual or SyncTrigger.Replay or SyncTrigger.Cli)
        {
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(request.DryRun ? AuditActions.SyncDryRunStarted : AuditActions.SyncRunStarted, "SyncRun",
                run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { flow = plan.Flow.Name, trigger = request.Trigger.ToString(), changeRequest = request.ChangeRequestId, version },
                actorName: request.StartedBy, cancellationToken: cancellationToken);
        }
        return run;
    }
}
