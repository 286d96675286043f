namespace CrmGovernance.Core.Features.Insights.Rollups;

/// <summary>How long a roll-up bucket is: an hour (for periods of a few days), or a day (UTC).</summary>
public enum BucketSize { Hour, Day }
