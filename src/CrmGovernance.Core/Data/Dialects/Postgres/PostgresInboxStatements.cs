namespace CrmGovernance.Core.Data.Dialects.Postgres;

internal sealed class PostgresInboxStatements : IInboxStatements
{
    public SqlStatement Insert { get; } = new("""
        INSERT INTO "InboxItems" ("SystemKey", "ObjectKey", "IdempotencyKey", "PayloadJson", "ReceivedUtc")
        VALUES (@system, @object, @idempotency, @payload, @received)
        ON CONFLICT ("SystemKey", "IdempotencyKey") DO NOTHING
        RETURNING "Id"
        """, "@system", "@object", "@idempotency", "@payload", "@received");

    public SqlStatement FindEarlier { get; } = new("""
        SELECT "Id", "ObjectKey" = @object AND "PayloadJson" = @payload FROM "InboxItems"
        WHERE "SystemKey" = @system AND "IdempotencyKey" = @idempotency
        """, "@system", "@idempotency", "@object", "@payload");
}
