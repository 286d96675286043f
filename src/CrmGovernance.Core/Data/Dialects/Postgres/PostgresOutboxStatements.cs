namespace CrmGovernance.Core.Data.Dialects.Postgres;

internal sealed class PostgresOutboxStatements : IOutboxStatements
{
    // The table's insert trigger takes the outbox lock first (migration Initial, ADR 0019), so events commit in sequence order.
    public SqlStatement Insert { get; } = new(
        """INSERT INTO "OperationsEvents" ("Kind", "PayloadJson", "OccurredUtc", "Origin") VALUES (@kind, @payload, @at, @origin)""",
        "@kind", "@payload", "@at", "@origin");
}
