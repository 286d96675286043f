namespace CrmGovernance.Core.Data.Dialects.Postgres;

internal sealed class PostgresInsightsStatements : IInsightsStatements
{
    public SqlStatement AddToBucket { get; } = new("""
        INSERT INTO "MetricBuckets" ("Size", "PeriodStartUtc", "Metric", "FlowId", "ObjectId", "SystemId", "TargetSystemId", "Dimension", "Value")
        VALUES (@size, @period, @metric, @flow, @object, @system, @target, @dimension, @value)
        ON CONFLICT ("Size", "PeriodStartUtc", "Metric", "FlowId", "ObjectId", "SystemId", "TargetSystemId", "Dimension")
        DO UPDATE SET "Value" = "MetricBuckets"."Value" + excluded."Value"
        """, "@size", "@period", "@metric", "@flow", "@object", "@system", "@target", "@dimension", "@value");
}
