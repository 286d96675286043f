namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>Settings "Insights:Digest": the managers' weekly email.</summary>
public sealed class InsightsDigestOptions
{
    public const string Section = "Insights:Digest";

    /// <summary>False: no weekly digest is queued (the job still runs and does nothing).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the weekly digest is queued (Quartz cron, UTC): Mondays at 07:00 by default. It covers the last whole week, Monday to Sunday.</summary>
    public string Cron { get; set; } = "0 0 7 ? * MON";
}
