namespace CrmGovernance.Core.Features.Insights.Dashboard;

/// <summary>One bucket as the dashboard reads it.</summary>
public sealed record BucketRow(DateTime PeriodStartUtc, string Metric, Guid FlowId, Guid ObjectId, string Dimension, double Value);
