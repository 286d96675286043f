namespace CrmGovernance.Core.Data.Dialects;

/// <summary>The insights roll-ups' writes (MetricBuckets), run only by Features/Insights/Rollups/RollupWriter.</summary>
public interface IInsightsStatements
{
    /// <summary>Adds @value to the bucket of (@size, @period, @metric, @flow, @object, @system, @target, @dimension), creating it at @value.</summary>
    SqlStatement AddToBucket { get; }
}
