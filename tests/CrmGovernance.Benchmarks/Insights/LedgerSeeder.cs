using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Benchmarks.Insights;

/// <summary>What was seeded.</summary>
internal sealed record SeedCounts(int Runs, long Outcomes, long ReviewItems, long ErrorItems);

/// <summary>
/// Writes runs straight into the ledger as the sync engine leaves them: the run with its tallies, its record outcomes, a review
/// item for each record held for a steward (most decided a while later, with the time the steward had it open) and an
/// error-queue item for each rejected or failed record (the older ones resolved or discarded). Prepared commands, one
/// transaction per chunk of runs.
/// </summary>
internal static class LedgerSeeder
{
    private const int RunsPerTransaction = 50;

    private static readonly SqlStatement InsertRun = new("""
        INSERT INTO SyncRuns (Id, FlowId, FlowName, ConfigurationVersion, DryRun, Trigger, StartedBy, Status, StartedUtc, DueUtc, FinishedUtc, HeartbeatUtc,
            Read, Created, Updated, Unchanged, Appended, Queued, Rejected, Failed, DuplicatesPrevented, LeadResponseMillisecondsTotal, LeadResponseCount, RejectionReasonsJson)
        VALUES (@id, @flow, @name, @version, 0, @trigger, 'benchmark', @status, @started, @due, @finished, @finished,
            @read, @created, @updated, @unchanged, @appended, @queued, @rejected, @failed, @prevented, @leadMs, @leads, '{}')
        """, "@id", "@flow", "@name", "@version", "@trigger", "@status", "@started", "@due", "@finished", "@read", "@created", "@updated", "@unchanged",
        "@appended", "@queued", "@rejected", "@failed", "@prevented", "@leadMs", "@leads");

    private static readonly SqlStatement InsertOutcome = new("""
        INSERT INTO RecordOutcomes (RunId, SourceId, TargetId, Outcome, Reason, BeforeJson, AfterJson, AtUtc, SourceCreatedUtc, Match)
        VALUES (@run, @source, @target, @outcome, @reason, @before, @after, @at, @created, @match)
        """, "@run", "@source", "@target", "@outcome", "@reason", "@before", "@after", "@at", "@created", "@match");

    private static readonly SqlStatement InsertReview = new("""
        INSERT INTO ReviewItems (ObjectId, SystemId, FlowId, RunId, LeftRecordId, RightRecordId, Score, ExplanationJson, Status, CreatedUtc, DecidedUtc, DecidedBy,
            HandlingSeconds, ProposedChangesJson)
        VALUES (@object, @system, @flow, @run, @left, @right, @score, '[]', @status, @created, @decided, @by, @seconds, @proposed)
        """, "@object", "@system", "@flow", "@run", "@left", "@right", "@score", "@status", "@created", "@decided", "@by", "@seconds", "@proposed");

    private static readonly SqlStatement InsertError = new("""
        INSERT INTO ErrorQueueItems (Kind, Status, FlowId, SystemKey, ObjectKey, RunId, SourceId, Reason, Payload, ContentType, Attempts, CreatedUtc, LastAttemptUtc,
            ResolvedUtc, ResolvedBy)
        VALUES (@kind, @status, @flow, @system, @object, @run, @source, @reason, '{}', 'application/json', 1, @created, @created, @resolved, @by)
        """, "@kind", "@status", "@flow", "@system", "@object", "@run", "@source", "@reason", "@created", "@resolved", "@by");

    private static readonly ReviewStatus[] Decisions = [ReviewStatus.Merged, ReviewStatus.NotDuplicate, ReviewStatus.ChangeApplied, ReviewStatus.ChangeDismissed];

    public static async Task<SeedCounts> SeedAsync(string connectionString, IReadOnlyList<SeedVersion> versions, IEnumerable<SeedRun> runs, DateTime nowUtc,
        IProgress<long>? progress, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var dialect = PortalDialects.Sqlite;
        var subjects = versions[^1].Configuration;
        var random = new Random(7);
        int runCount = 0;
        long outcomes = 0, reviews = 0, errors = 0;
        foreach (var chunk in runs.Chunk(RunsPerTransaction))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var run = PortalCommand.Create(dialect, connection, transaction, InsertRun);
            await using var outcome = PortalCommand.Create(dialect, connection, transaction, InsertOutcome);
            await using var review = PortalCommand.Create(dialect, connection, transaction, InsertReview);
            await using var error = PortalCommand.Create(dialect, connection, transaction, InsertError);
            foreach (var r in chunk)
            {
                var flow = subjects.FindFlow(r.FlowId)!;
                var leads = r.Outcomes.Where(o => o.Outcome == OutcomeKind.Created && o.SourceCreatedUtc is not null).ToList();
                await run.ExecuteAsync(ct, r.Id, r.FlowId, r.FlowName, r.Version, r.Trigger.ToString(), r.Status.ToString(), r.StartedUtc, r.DueUtc, r.FinishedUtc,
                    r.Outcomes.Count, r.Count(OutcomeKind.Created), r.Count(OutcomeKind.Updated), r.Count(OutcomeKind.Unchanged), r.Count(OutcomeKind.Appended),
                    r.Count(OutcomeKind.Queued), r.Count(OutcomeKind.Rejected), r.Count(OutcomeKind.Failed),
                    r.Outcomes.Count(o => o.Match is "Key" or "Fuzzy" && o.Outcome is not OutcomeKind.Rejected and not OutcomeKind.Queued),
                    (long)leads.Sum(o => (o.AtUtc - o.SourceCreatedUtc!.Value).TotalMilliseconds), leads.Count);
                foreach (var o in r.Outcomes)
                {
                    await outcome.ExecuteAsync(ct, r.Id, o.SourceId, o.TargetId, o.Outcome.ToString(), o.Reason, o.BeforeJson, o.AfterJson, o.AtUtc, o.SourceCreatedUtc, o.Match);
                    if (o.Outcome == OutcomeKind.Queued)
                    {
                        var decided = o.AtUtc < nowUtc.AddDays(-2) && random.NextDouble() < 0.85 ? o.AtUtc.AddHours(1 + 47 * random.NextDouble()) : (DateTime?)null;
                        var status = decided is null ? ReviewStatus.Open : Decisions[random.Next(Decisions.Length)];
                        await review.ExecuteAsync(ct, flow.ObjectId, flow.TargetSystemId, r.FlowId, r.Id, "t-" + random.Next(1_000_000), o.SourceId, 0.7 + 0.25 * random.NextDouble(),
                            status.ToString(), o.AtUtc, decided, decided is null ? null : "steward@example.com", decided is null ? null : 20 + 580 * random.NextDouble(),
                            status is ReviewStatus.ChangeApplied or ReviewStatus.ChangeDismissed ? "{}" : null);
                        reviews++;
                    }
                    else if (o.Outcome is OutcomeKind.Rejected or OutcomeKind.Failed)
                    {
                        var old = o.AtUtc < nowUtc.AddDays(-7);
                        var roll = random.NextDouble();
                        var status = !old || roll < 0.1 ? ErrorStatus.Open : roll < 0.3 ? ErrorStatus.Discarded : ErrorStatus.Resolved;
                        DateTime? resolved = status == ErrorStatus.Open ? null : o.AtUtc.AddHours(2 + 100 * random.NextDouble());
                        await error.ExecuteAsync(ct, (o.Outcome == OutcomeKind.Rejected ? ErrorKind.Rejected : ErrorKind.Failed).ToString(), status.ToString(), r.FlowId,
                            subjects.FindSystem(flow.SourceSystemId)!.Key, subjects.FindObject(flow.ObjectId)!.Key, r.Id, o.SourceId, o.Reason ?? "", o.AtUtc, resolved,
                            resolved is null ? null : "steward@example.com");
                        errors++;
                    }
                }
                runCount++;
                outcomes += r.Outcomes.Count;
            }
            await transaction.CommitAsync(ct);
            progress?.Report(outcomes);
        }
        return new SeedCounts(runCount, outcomes, reviews, errors);
    }
}
