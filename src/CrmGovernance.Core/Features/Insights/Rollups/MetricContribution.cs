namespace CrmGovernance.Core.Features.Insights.Rollups;

/// <summary>
/// What one source unit (a run, an hour of a queue, a scan, an incident) added to the buckets, kept so that handling it
/// again adds only the difference: delivery is at least once, and an incident or a queue hour changes after it was counted.
/// </summary>
public sealed class MetricContribution
{
    /// <summary>"run:42", "review:{system}:{object}:2026120614", "incident:7", …</summary>
    public string Key { get; set; } = "";
    public string ItemsJson { get; set; } = "[]";
    public DateTime UpdatedUtc { get; set; }
}
