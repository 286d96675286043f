using System.Data.Common;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// The statements <see cref="RunRecorder"/> runs, prepared once per batch and executed per row, inside its transaction.
/// "+Status" keeps SQLite on the (FlowId, SourceId) index: the (Status, FlowId) one would scan every open item per row.
/// </summary>
internal sealed class BatchSql(DbConnection connection, DbTransaction transaction)
{
    public async Task InsertOutcomesAsync(long runId, IReadOnlyList<RecordResult> records, DateTime now, CancellationToken ct)
    {
        await using var command = Command("""
            INSERT INTO RecordOutcomes (RunId, SourceId, TargetId, Outcome, Reason, BeforeJson, AfterJson, MatchScore, AtUtc, InboxId)
            VALUES (@run, @source, @target, @outcome, @reason, @before, @after, @score, @at, @inbox)
            """, "@run", "@source", "@target", "@outcome", "@reason", "@before", "@after", "@score", "@at", "@inbox");
        foreach (var r in records)
        {
            await ExecuteAsync(command, ct, runId, r.SourceId, r.TargetId, r.Outcome.ToString(), Truncate(r.Reason, 4000), r.BeforeJson, r.AfterJson, r.MatchScore, now, r.InboxId);
        }
    }

    public async Task InsertLinksAsync(FlowPlan plan, IEnumerable<RecordResult> records, DateTime now, CancellationToken ct)
    {
        await using var command = Command("""
            INSERT INTO CrosswalkLinks (ObjectId, SourceSystemId, SourceId, TargetSystemId, TargetId, FlowId, CreatedUtc, ByMatchRule)
            VALUES (@object, @sourceSystem, @source, @targetSystem, @target, @flow, @at, @byRule)
            ON CONFLICT (SourceSystemId, ObjectId, SourceId, TargetSystemId) DO NOTHING
            """, "@object", "@sourceSystem", "@source", "@targetSystem", "@target", "@flow", "@at", "@byRule");
        foreach (var r in records)
        {
            await ExecuteAsync(command, ct, plan.BusinessObject.Id, plan.Source.Id, r.SourceId, plan.Target.Id, r.TargetId, plan.Flow.Id, now, r.Match == MatchKind.Fuzzy);
        }
    }

    /// <summary>A record already waiting in the queue (same flow and source id) gets another attempt; others get a new entry.</summary>
    public async Task QueueErrorsAsync(FlowPlan plan, long runId, IReadOnlyList<RecordResult> records, DateTime now, CancellationToken ct)
    {
        await using var retry = Command("""
            UPDATE ErrorQueueItems SET Attempts = Attempts + 1, LastAttemptUtc = @at, Reason = @reason, Kind = @kind, Payload = @payload, RunId = @run
            WHERE FlowId = @flow AND SourceId = @source AND +Status = 'Open'
            """, "@at", "@reason", "@kind", "@payload", "@run", "@flow", "@source");
        await using var insert = Command("""
            INSERT INTO ErrorQueueItems (Kind, Status, FlowId, SystemKey, ObjectKey, RunId, SourceId, Reason, Payload, ContentType, Attempts, CreatedUtc, LastAttemptUtc)
            VALUES (@kind, 'Open', @flow, @system, @object, @run, @source, @reason, @payload, 'application/json', 1, @at, @at)
            """, "@kind", "@flow", "@system", "@object", "@run", "@source", "@reason", "@payload", "@at");
        foreach (var r in records.Where(r => r.QueueAs is not null))
        {
            var reason = Truncate(r.Reason, 4000) ?? "";
            if (await ExecuteAsync(retry, ct, now, reason, r.QueueAs!.Value.ToString(), r.PayloadJson, runId, plan.Flow.Id, r.SourceId) == 0)
            {
                await ExecuteAsync(insert, ct, r.QueueAs.Value.ToString(), plan.Flow.Id, plan.Source.Key, plan.BusinessObject.Key, runId, r.SourceId, reason, r.PayloadJson, now);
            }
        }
    }

    /// <summary>The target records' matchable values, for every process's match index (unchanged values leave their row alone).</summary>
    public Task<int> UpsertMatchIndexAsync(FlowPlan plan, IEnumerable<MatchRecord> records, DateTime now, CancellationToken ct) =>
        new MatchIndexSql(connection, transaction).UpsertAsync(plan.Target.Id, plan.BusinessObject.Id, records.Select(r => (r.Id, MatchIndexValues.Serialize(r))), now, ct);

    public async Task<bool> HasOpenErrorsAsync(Guid flowId, CancellationToken ct)
    {
        await using var command = Command("SELECT EXISTS (SELECT 1 FROM ErrorQueueItems WHERE FlowId = @flow AND Status = 'Open')", "@flow");
        command.Parameters[0].Value = Bind(flowId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Records that went through close what the queue held for them.</summary>
    public async Task ResolveErrorsAsync(Guid flowId, long runId, IEnumerable<RecordResult> records, DateTime now, CancellationToken ct)
    {
        await using var command = Command("""
            UPDATE ErrorQueueItems SET Status = 'Resolved', ResolvedUtc = @at, ResolvedBy = @by, LastAttemptUtc = @at
            WHERE FlowId = @flow AND SourceId = @source AND +Status = 'Open'
            """, "@at", "@by", "@flow", "@source");
        foreach (var r in records)
        {
            await ExecuteAsync(command, ct, now, $"run #{runId}", flowId, r.SourceId);
        }
    }

    public async Task<bool> MoveCursorAsync(Guid flowId, string? cursor, long runId, string holder, DateTime now, DateTime leaseUntil, CancellationToken ct)
    {
        await using var command = Command("""
            UPDATE FlowCursors SET Cursor = @cursor, UpdatedUtc = @at, LastRunId = @run, LeaseUntilUtc = @until
            WHERE FlowId = @flow AND LeaseHolder = @holder
            """, "@cursor", "@at", "@run", "@until", "@flow", "@holder");
        return await ExecuteAsync(command, ct, cursor, now, runId, leaseUntil, flowId, holder) == 1;
    }

    public async Task UpdateRunAsync(SyncRun run, string reasonsJson, DateTime now, CancellationToken ct)
    {
        await using var command = Command("""
            UPDATE SyncRuns SET Read = @read, Created = @created, Updated = @updated, Unchanged = @unchanged, Appended = @appended,
                Queued = @queued, Rejected = @rejected, Failed = @failed, DuplicatesPrevented = @duplicates,
                LeadResponseMillisecondsTotal = @leadTotal, LeadResponseCount = @leadCount, RejectionReasonsJson = @reasons, HeartbeatUtc = @at
            WHERE Id = @id
            """, "@read", "@created", "@updated", "@unchanged", "@appended", "@queued", "@rejected", "@failed", "@duplicates", "@leadTotal", "@leadCount", "@reasons", "@at", "@id");
        await ExecuteAsync(command, ct, run.Read, run.Created, run.Updated, run.Unchanged, run.Appended, run.Queued, run.Rejected, run.Failed,
            run.DuplicatesPrevented, run.LeadResponseMillisecondsTotal, run.LeadResponseCount, reasonsJson, now, run.Id);
    }

    private DbCommand Command(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    private static Task<int> ExecuteAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = Bind(values[i]);
        }
        return command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Values as EF Core stores them in SQLite (a Guid as upper-case text).</summary>
    private static object Bind(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        _ => value,
    };

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
