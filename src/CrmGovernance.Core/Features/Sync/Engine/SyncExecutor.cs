using System.Diagnostics;
using System.Text.Json;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Runs a prepared run batch by batch: read since the cursor → <see cref="BatchProcessor"/> → <see cref="RunRecorder"/>
/// (outcomes, crosswalk, error queue and the new cursor together) → the match rule's review pairs, then ends it with
/// its status. Singleton.
/// </summary>
public sealed class SyncExecutor(IConnectorFactory connectors, IOptions<SyncOptions> options, TimeProvider time, ILogger<SyncExecutor> logger,
    MatchIndexCache matchIndexes, TargetChangeFeed targetChanges)
{
    internal async Task ExecuteAsync(RunContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var status = SyncRunStatus.Succeeded;
        string? message = null;
        RunRecorder? recorded = null;
        var started = Stopwatch.GetTimestamp();
        using var activity = RunTelemetry.StartRun(context);
        try
        {
            await using var source = connectors.Open(context.Plan.Source);
            await using var target = connectors.Open(context.Plan.Target);
            var contexts = context.Get<IDbContextFactory<CrmDbContext>>();
            var matcher = TargetMatcher.For(context.Plan, matchIndexes, context.Get<MatchIndexStore>(), targetChanges, contexts);
            var processor = new BatchProcessor(context.Plan, target, context.Get<CrosswalkStore>(), time, matcher);
            var recorder = new RunRecorder(contexts, context.Plan, run, context.Holder, context.Get<ReviewQueueWriter>());
            recorded = recorder;
            (status, message) = context.Replay is { } items
                ? await ReplayAsync(context, items, processor, recorder, matcher, cancellationToken)
                : await ReadAndProcessAsync(context, source, processor, recorder, matcher, cancellationToken);
        }
        catch (SystemUnavailableException e)
        {
            (status, message) = (SyncRunStatus.SystemUnavailable, $"{e.Message} The cursor stays where the last recorded batch left it; the next run carries on from there.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (status, message) = (SyncRunStatus.Interrupted, "Stopped because the process shut down; the next run carries on from the last recorded batch.");
        }
        catch (Exception e)
        {
            // Whatever went wrong, the run must end with a status and a reason, never stay "running".
            logger.LogError(e, "Run {RunId} of flow {Flow} failed", run.Id, context.Plan.Flow.Name);
            (status, message) = (SyncRunStatus.Failed, e.Message);
        }
        await FinishAsync(context, status, message, recorded?.OwnerRequests);
        RunTelemetry.Finished(activity, run, status, started);
    }

    private async Task<(SyncRunStatus, string?)> ReadAndProcessAsync(RunContext context, ISyncConnector source, BatchProcessor processor, RunRecorder recorder,
        TargetMatcher? matcher, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var settings = options.Value;
        var cursor = context.Cursor;
        var remaining = run.DryRun ? settings.DryRunMaxRecords : int.MaxValue;
        var fromStart = false;
        var flow = context.Plan.Flow.Name;
        while (remaining > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var span = RunTelemetry.StartBatch();
            var phase = Stopwatch.GetTimestamp();
            var page = await source.ReadChangesAsync(context.Plan.BusinessObject.Key, cursor, Math.Min(settings.BatchSize, remaining), cancellationToken);
            phase = RunTelemetry.Phase(flow, RunTelemetry.ReadPhase, phase);
            if (page.Records.Count == 0)
            {
                if (run.DryRun && run.Read == 0 && cursor is not null && !fromStart)
                {
                    (cursor, fromStart) = (null, true);
                    continue;
                }
                break;
            }
            await StoreAsync(context, cancellationToken);
            var batch = await processor.ProcessAsync(page.Records, run.DryRun, new HashSet<string>(), cancellationToken);
            phase = RunTelemetry.Phase(flow, RunTelemetry.ProcessPhase, phase);
            var now = time.GetUtcNow().UtcDateTime;
            await recorder.RecordAsync(batch, page.NextCursor, moveCursor: !run.DryRun, now, now.AddSeconds(settings.LeaseSeconds),
                matcher?.ReviewCandidates(batch, run) ?? [], cancellationToken);
            RunTelemetry.Phase(flow, RunTelemetry.RecordPhase, phase);
            matcher?.AfterRecorded(run);
            cursor = page.NextCursor;
            remaining -= page.Records.Count;
            if (run.Failed > settings.MaxFailedRecords)
            {
                return (SyncRunStatus.Aborted, $"Stopped after {run.Failed:N0} records failed (the limit is {settings.MaxFailedRecords:N0}); they wait in the error queue.");
            }
        }
        var note = run.DryRun
            ? $"Dry run: nothing was written. {(fromStart ? "Nothing was waiting since the last run, so the first records of the source were evaluated." : "The records waiting since the last run were evaluated.")}"
            : null;
        return (Ended(run), note);
    }

    private async Task<(SyncRunStatus, string?)> ReplayAsync(RunContext context, IReadOnlyList<ErrorQueueItem> items, BatchProcessor processor, RunRecorder recorder,
        TargetMatcher? matcher, CancellationToken cancellationToken)
    {
        var released = items.Where(i => i.Kind == ErrorKind.Review).Select(i => i.SourceId!).ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in items.Chunk(options.Value.BatchSize))
        {
            using var span = RunTelemetry.StartBatch();
            var records = chunk.Select(i => new ConnectorRecord(i.SourceId!, JsonSerializer.Deserialize<Dictionary<string, string?>>(i.Payload) ?? [])).ToList();
            var batch = await processor.ProcessAsync(records, dryRun: false, released, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            await recorder.RecordAsync(batch, null, moveCursor: false, now, now.AddSeconds(options.Value.LeaseSeconds),
                matcher?.ReviewCandidates(batch, context.Run) ?? [], cancellationToken);
            matcher?.AfterRecorded(context.Run);
        }
        var run = context.Run;
        return (Ended(run),
            $"Replayed {items.Count:N0} queued record(s) with configuration version {run.ConfigurationVersion}.");
    }

    /// <summary>A run that went through: with errors when any record was rejected or failed.</summary>
    private static SyncRunStatus Ended(SyncRun run) =>
        run.Rejected + run.Failed > 0 ? SyncRunStatus.CompletedWithErrors : SyncRunStatus.Succeeded;

    /// <summary>A poll not stored yet (<see cref="SyncRunner"/> keeps scheduled and inbox runs only once they read a record) is stored now.</summary>
    private static async Task StoreAsync(RunContext context, CancellationToken cancellationToken)
    {
        if (context.Run.Id != 0)
        {
            return;
        }
        await using var db = await context.Get<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        db.SyncRuns.Add(context.Run);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task FinishAsync(RunContext context, SyncRunStatus status, string? message,
        IReadOnlyDictionary<string, (int Records, string FirstRecordId)>? ownerRequests)
    {
        var run = context.Run;
        (run.Status, run.Message, run.FinishedUtc) = (status, message, time.GetUtcNow().UtcDateTime);
        await using var db = await context.Get<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(CancellationToken.None);
        var readToTheEnd = !run.DryRun && context.Replay is null && (status is SyncRunStatus.Succeeded or SyncRunStatus.CompletedWithErrors);
        if (run.Id == 0 && (status is SyncRunStatus.Succeeded or SyncRunStatus.Interrupted))
        {
            // A poll that found nothing (or was stopped by a shutdown before it read anything) keeps no run: the flow
            // remembers when it was last checked and how many such polls came since the last run that was kept.
            if (readToTheEnd)
            {
                await db.FlowCursors.Where(c => c.FlowId == run.FlowId).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.LastCheckedUtc, run.FinishedUtc).SetProperty(c => c.EmptyChecks, c => c.EmptyChecks + 1), CancellationToken.None);
            }
            logger.LogDebug("Poll of {Flow} found nothing new", run.FlowName);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (run.Id == 0)
        {
            // It failed before reading a record: a failure is always kept.
            db.SyncRuns.Add(run);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        else
        {
            await db.SyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status).SetProperty(r => r.Message, message).SetProperty(r => r.FinishedUtc, run.FinishedUtc), CancellationToken.None);
        }
        if (readToTheEnd)
        {
            await db.FlowCursors.Where(c => c.FlowId == run.FlowId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LastCheckedUtc, run.FinishedUtc).SetProperty(c => c.EmptyChecks, 0), CancellationToken.None);
        }
        await db.RaiseNowAsync(new RunFinished(run.Id, run.FlowId, status.ToString(), run.DryRun, run.Read, run.Created, run.Updated, run.Queued, run.Rejected, run.Failed),
            run.FinishedUtc.Value, CancellationToken.None);
        // The rules' "notify the owner": once per run and rule, with how many records asked; Notifications delivers it.
        var owner = context.Plan.Flow.Owner.Length > 0 ? context.Plan.Flow.Owner : context.Plan.BusinessObject.Owner;
        foreach (var (rule, (records, first)) in ownerRequests ?? new Dictionary<string, (int, string)>())
        {
            await db.RaiseNowAsync(new OwnerNotificationRequested(run.FlowId, run.FlowName, owner, rule, run.Id, records, first),
                run.FinishedUtc.Value, CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
        logger.LogInformation("Run {RunId} of {Flow} ended {Status}: {Read} read, {Created} created, {Updated} updated, {Rejected} rejected, {Failed} failed",
            run.Id, run.FlowName, status, run.Read, run.Created, run.Updated, run.Rejected, run.Failed);
    }
}
