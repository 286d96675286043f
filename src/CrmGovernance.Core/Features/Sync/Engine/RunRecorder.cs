using System.Data.Common;
using System.Text.Json;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Records a batch in the portal database in one transaction: each record's outcome (with its match score), new
/// crosswalk links, error-queue entries (new, retried or resolved), the target records' values for the match index,
/// the run's counters and, with the lease check, the flow's new cursor. Plain SQL
/// with prepared commands: a run records thousands of rows a second.
/// </summary>
public sealed class RunRecorder(IDbContextFactory<CrmDbContext> contexts, FlowPlan plan, SyncRun run, string leaseHolder, ReviewQueueWriter? reviews = null)
{
    // Live screens want about one progress event a second, however small the batches.
    private DateTime _progressRaised = DateTime.MinValue;
    private readonly Dictionary<string, int> _reasons = JsonSerializer.Deserialize<Dictionary<string, int>>(run.RejectionReasonsJson) ?? [];

    /// <summary>Records the batch; a non-null <paramref name="cursor"/> moves the flow's cursor (only while this run holds the lease).</summary>
    /// <exception cref="InvalidOperationException">Another process took the flow's lease: this run must stop.</exception>
    public Task RecordAsync(BatchResult batch, string? cursor, bool moveCursor, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken) =>
        RecordAsync(batch, cursor, moveCursor, now, leaseUntil, [], cancellationToken);

    /// <summary>
    /// Records the batch and files <paramref name="toReview"/> (its review-band pairs and held changes) in the same
    /// transaction: after a crash either both are there, or neither and the batch is read again.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another process took the flow's lease: this run must stop.</exception>
    public async Task RecordAsync(BatchResult batch, string? cursor, bool moveCursor, DateTime now, DateTime leaseUntil,
        IReadOnlyList<ReviewCandidate> toReview, CancellationToken cancellationToken)
    {
        Count(batch);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        // A run's record can be replayed from the source, so its commits need not wait for the disk; the connection
        // goes back to the pool with the defaults again.
        var dialect = db.Database.Dialect();
        await dialect.Session.BeginBulkWriteAsync(db.Database, cancellationToken);
        // Begun through EF so its commit wakes the portal's event dispatcher (OutboxCommitInterceptor).
        await using var efTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var transaction = efTransaction.GetDbTransaction();
        var sql = new BatchSql(dialect, connection, transaction);
        await sql.InsertOutcomesAsync(run.Id, batch.Records, now, cancellationToken);
        if (!run.DryRun)
        {
            await sql.InsertLinksAsync(plan, batch.Records.Where(r => r.NewLink && r.TargetId is not null), now, cancellationToken);
            await sql.QueueErrorsAsync(plan, run.Id, batch.Records, now, cancellationToken);
            if (batch.MatchIndexUpdates.Count > 0)
            {
                await sql.UpsertMatchIndexAsync(plan, batch.MatchIndexUpdates, now, cancellationToken);
            }
            if (await sql.HasOpenErrorsAsync(plan.Flow.Id, cancellationToken))
            {
                await sql.ResolveErrorsAsync(plan.Flow.Id, run.Id, batch.Records.Where(r => r.QueueAs is null), now, cancellationToken);
            }
            if (moveCursor && !await sql.MoveCursorAsync(plan.Flow.Id, cursor, run.Id, leaseHolder, now, leaseUntil, cancellationToken))
            {
                throw new InvalidOperationException("Another run took over this flow; this run stopped without recording its last batch.");
            }
        }
        if (toReview.Count > 0 && reviews is not null && !run.DryRun)
        {
            await reviews.FileAsync(db, toReview, cancellationToken);
        }
        run.RejectionReasonsJson = JsonSerializer.Serialize(_reasons);
        await sql.UpdateRunAsync(run, run.RejectionReasonsJson, now, cancellationToken);
        if (now - _progressRaised >= TimeSpan.FromSeconds(1))
        {
            await transaction.RaiseAsync(dialect, new RunProgressed(run.Id, run.FlowId, run.Read), now, cancellationToken);
            _progressRaised = now;
        }
        await efTransaction.CommitAsync(cancellationToken);
        await dialect.Session.EndBulkWriteAsync(db.Database, CancellationToken.None);
        RunTelemetry.Recorded(run, batch);
        CountOwnerRequests(batch);
    }

    /// <summary>Per rule, how many recorded records asked for the owner to be notified, and the first of them.</summary>
    public IReadOnlyDictionary<string, (int Records, string FirstRecordId)> OwnerRequests => _ownerRequests;

    private readonly Dictionary<string, (int Records, string FirstRecordId)> _ownerRequests = new(StringComparer.Ordinal);

    private void CountOwnerRequests(BatchResult batch)
    {
        if (run.DryRun)
        {
            return;
        }
        foreach (var record in batch.Records.Where(r => r.NotifyRules.Count > 0 && r.Outcome is not (OutcomeKind.Failed or OutcomeKind.Rejected)))
        {
            foreach (var rule in record.NotifyRules)
            {
                _ownerRequests[rule] = _ownerRequests.TryGetValue(rule, out var seen) ? (seen.Records + 1, seen.FirstRecordId) : (1, record.SourceId);
            }
        }
    }

    private void Count(BatchResult batch)
    {
        run.Read += batch.Records.Count;
        run.DuplicatesPrevented += batch.DuplicatesPrevented;
        run.LeadResponseMillisecondsTotal += batch.LeadResponseMillisecondsTotal;
        run.LeadResponseCount += batch.LeadResponseCount;
        foreach (var record in batch.Records)
        {
            switch (record.Outcome)
            {
                case OutcomeKind.Created: run.Created++; break;
                case OutcomeKind.Updated: run.Updated++; break;
                case OutcomeKind.Unchanged: run.Unchanged++; break;
                case OutcomeKind.Appended: run.Appended++; break;
                case OutcomeKind.Queued: run.Queued++; break;
                case OutcomeKind.Failed: run.Failed++; break;
                case OutcomeKind.Rejected:
                    run.Rejected++;
                    var reason = RejectionReasons.Key(record.Reason);
                    _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
                    break;
                default: break;
            }
        }
    }
}
