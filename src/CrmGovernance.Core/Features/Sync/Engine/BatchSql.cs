using System.Data.Common;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// The statements <see cref="RunRecorder"/> runs (the dialect's: Data/Dialects), inside its transaction: a batch's rows
/// through <see cref="StatementRows"/> (batched round trips on a server, a prepared command per row on SQLite). Error-queue items go through <see cref="ErrorQueueWriter"/>, the match index through <see cref="MatchIndexSql"/>.
/// </summary>
internal sealed class BatchSql(IPortalSqlDialect dialect, DbConnection connection, DbTransaction transaction)
{
    private ISyncBatchStatements Sql => dialect.SyncBatch;

    public async Task InsertOutcomesAsync(long runId, IReadOnlyList<RecordResult> records, DateTime now, CancellationToken ct)
    {
        var rows = records.Select(r => new object?[]
        {
            runId, r.SourceId, r.TargetId, r.Outcome.ToString(), Truncate(r.Reason, 4000), r.BeforeJson, r.AfterJson, r.MatchScore, now, r.InboxId,
            r.SourceCreatedUtc, r.Match == MatchKind.None ? null : r.Match.ToString(),
        });
        if (Sql.CopyOutcomes is { } copy)
        {
            await copy.CopyAsync(connection, rows, ct);
            return;
        }
        await Rows(Sql.InsertOutcome, rows, ct);
    }

    public async Task InsertLinksAsync(FlowPlan plan, IEnumerable<RecordResult> records, DateTime now, CancellationToken ct)
    {
        await Rows(Sql.InsertLink, records.Select(r => new object?[]
        {
            plan.BusinessObject.Id, plan.Source.Id, r.SourceId, plan.Target.Id, r.TargetId, plan.Flow.Id, now, r.Match == MatchKind.Fuzzy,
        }), ct);
    }

    /// <summary>Rejected, failed and held records go to the error queue (through its one writer).</summary>
    public async Task QueueErrorsAsync(FlowPlan plan, long runId, IReadOnlyList<RecordResult> records, DateTime now, CancellationToken ct)
    {
        await using var errors = new ErrorQueueWriter(dialect, connection, transaction);
        await errors.QueueAsync(plan.Flow.Id, plan.Source.Key, plan.BusinessObject.Key, runId,
            records.Where(r => r.QueueAs is not null).Select(r => new FailedRecord(r.SourceId, r.QueueAs!.Value, r.Reason, r.PayloadJson)), now, ct);
    }

    /// <summary>The target records' matchable values, for every process's match index (unchanged values leave their row alone).</summary>
    public Task<int> UpsertMatchIndexAsync(FlowPlan plan, IEnumerable<MatchRecord> records, DateTime now, CancellationToken ct) =>
        new MatchIndexSql(dialect, connection, transaction).UpsertAsync(plan.Target.Id, plan.BusinessObject.Id, records.Select(r => (r.Id, MatchIndexValues.Serialize(r))), now, ct);

    public async Task<bool> HasOpenErrorsAsync(Guid flowId, CancellationToken ct)
    {
        await using var errors = new ErrorQueueWriter(dialect, connection, transaction);
        return await errors.AnyOpenAsync(flowId, ct);
    }

    /// <summary>Records that went through close what the queue held for them.</summary>
    public async Task ResolveErrorsAsync(Guid flowId, long runId, IEnumerable<RecordResult> records, DateTime now, CancellationToken ct)
    {
        await using var errors = new ErrorQueueWriter(dialect, connection, transaction);
        await errors.ResolveAsync(flowId, $"run #{runId}", records.Select(r => r.SourceId), now, ct);
    }

    public async Task<bool> MoveCursorAsync(Guid flowId, string? cursor, long runId, string holder, DateTime now, DateTime leaseUntil, CancellationToken ct)
    {
        await using var command = Command(Sql.MoveCursor);
        return await command.ExecuteAsync(ct, cursor, now, runId, leaseUntil, flowId, holder) == 1;
    }

    public async Task UpdateRunAsync(SyncRun run, string reasonsJson, DateTime now, CancellationToken ct)
    {
        await using var command = Command(Sql.UpdateRun);
        await command.ExecuteAsync(ct, run.Read, run.Created, run.Updated, run.Unchanged, run.Appended, run.Queued, run.Rejected, run.Failed,
            run.DuplicatesPrevented, run.LeadResponseMillisecondsTotal, run.LeadResponseCount, reasonsJson, now, run.Id);
    }

    /// <summary>Many rows of one statement: batched round trips where the driver can (<see cref="StatementRows"/>).</summary>
    private Task<int> Rows(SqlStatement statement, IEnumerable<object?[]> rows, CancellationToken ct) =>
        StatementRows.ExecuteAsync(dialect, connection, transaction, statement, rows, ct);

    /// <summary>Prepared once per batch, run once per row.</summary>
    private PortalCommand Command(SqlStatement statement) => PortalCommand.Create(dialect, connection, transaction, statement);

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
