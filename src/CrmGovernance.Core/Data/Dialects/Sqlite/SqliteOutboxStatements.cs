namespace CrmGovernance.Core.Data.Dialects.Sqlite;

internal sealed class SqliteOutboxStatements : IOutboxStatements
{
    public SqlStatement Insert { get; } = new(
        "INSERT INTO OperationsEvents (Kind, PayloadJson, OccurredUtc, Origin) VALUES (@kind, @payload, @at, @origin)",
        "@kind", "@payload", "@at", "@origin");
}
