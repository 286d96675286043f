namespace CrmGovernance.Core.Data.Dialects.Postgres;

internal sealed class PostgresErrorQueueStatements : IErrorQueueStatements
{
    public SqlStatement InsertInbound { get; } = new("""
        INSERT INTO "ErrorQueueItems" ("Kind", "Status", "SystemKey", "ObjectKey", "Reason", "Payload", "ContentType", "Attempts", "CreatedUtc")
        VALUES (@kind, @status, @system, @object, @reason, @payload, @contentType, @attempts, @created)
        RETURNING "Id"
        """, "@kind", "@status", "@system", "@object", "@reason", "@payload", "@contentType", "@attempts", "@created");

    public SqlStatement RetryOpen { get; } = new("""
        UPDATE "ErrorQueueItems" SET "Attempts" = "Attempts" + 1, "LastAttemptUtc" = @at, "Reason" = @reason, "Kind" = @kind, "Payload" = @payload, "RunId" = @run
        WHERE "FlowId" = @flow AND "SourceId" = @source AND "Status" = 'Open'
        """, "@at", "@reason", "@kind", "@payload", "@run", "@flow", "@source");

    public SqlStatement InsertOpen { get; } = new("""
        INSERT INTO "ErrorQueueItems" ("Kind", "Status", "FlowId", "SystemKey", "ObjectKey", "RunId", "SourceId", "Reason", "Payload", "ContentType", "Attempts", "CreatedUtc", "LastAttemptUtc")
        VALUES (@kind, 'Open', @flow, @system, @object, @run, @source, @reason, @payload, 'application/json', 1, @at, @at)
        """, "@kind", "@flow", "@system", "@object", "@run", "@source", "@reason", "@payload", "@at");

    public SqlStatement AnyOpen { get; } = new("""SELECT EXISTS (SELECT 1 FROM "ErrorQueueItems" WHERE "FlowId" = @flow AND "Status" = 'Open')""", "@flow");

    public SqlStatement ResolveOpen { get; } = new("""
        UPDATE "ErrorQueueItems" SET "Status" = 'Resolved', "ResolvedUtc" = @at, "ResolvedBy" = @by, "LastAttemptUtc" = @at
        WHERE "FlowId" = @flow AND "SourceId" = @source AND "Status" = 'Open'
        """, "@at", "@by", "@flow", "@source");
}
