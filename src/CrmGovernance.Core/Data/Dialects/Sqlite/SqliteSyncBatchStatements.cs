namespace CrmGovernance.Core.Data.Dialects.Sqlite;

internal sealed class SqliteSyncBatchStatements : ISyncBatchStatements
{
    public SqlStatement InsertOutcome { get; } = new("""
        INSERT INTO RecordOutcomes (RunId, SourceId, TargetId, Outcome, Reason, BeforeJson, AfterJson, MatchScore, AtUtc, InboxId, SourceCreatedUtc, Match)
        VALUES (@run, @source, @target, @outcome, @reason, @before, @after, @score, @at, @inbox, @created, @match)
        """, "@run", "@source", "@target", "@outcome", "@reason", "@before", "@after", "@score", "@at", "@inbox", "@created", "@match");

    public SqlStatement InsertLink { get; } = new("""
        INSERT INTO CrosswalkLinks (ObjectId, SourceSystemId, SourceId, TargetSystemId, TargetId, FlowId, CreatedUtc, ByMatchRule)
        VALUES (@object, @sourceSystem, @source, @targetSystem, @target, @flow, @at, @byRule)
        ON CONFLICT (SourceSystemId, ObjectId, SourceId, TargetSystemId) DO NOTHING
        """, "@object", "@sourceSystem", "@source", "@targetSystem", "@target", "@flow", "@at", "@byRule");

    public SqlStatement MoveCursor { get; } = new("""
        UPDATE FlowCursors SET Cursor = @cursor, UpdatedUtc = @at, LastRunId = @run, LeaseUntilUtc = @until
        WHERE FlowId = @flow AND LeaseHolder = @holder
        """, "@cursor", "@at", "@run", "@until", "@flow", "@holder");

    public SqlStatement UpdateRun { get; } = new("""
        UPDATE SyncRuns SET Read = @read, Created = @created, Updated = @updated, Unchanged = @unchanged, Appended = @appended,
            Queued = @queued, Rejected = @rejected, Failed = @failed, DuplicatesPrevented = @duplicates,
            LeadResponseMillisecondsTotal = @leadTotal, LeadResponseCount = @leadCount, RejectionReasonsJson = @reasons, HeartbeatUtc = @at
        WHERE Id = @id
        """, "@read", "@created", "@updated", "@unchanged", "@appended", "@queued", "@rejected", "@failed", "@duplicates", "@leadTotal", "@leadCount",
        "@reasons", "@at", "@id");

    // SQLite has no array parameters, and the LINQ lookup uses the unique index there (no statistics that lag the table).
    public SqlStatement? FindLinks => null;

    public IRowCopy? CopyOutcomes => null;
}
