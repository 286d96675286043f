using CrmGovernance.Core.Features.Insights.Dashboard;

namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>
/// What the weekly digest says: the key figures of <see cref="Week"/> against the week before (each card's baseline is the
/// week before), and up to three flows where it hurts most (<see cref="DigestHotspot"/>).
/// </summary>
public sealed record DigestContent(DigestWeek Week, IReadOnlyList<InsightCard> Figures, IReadOnlyList<DigestHotspot> Hotspots, bool HasData);

/// <summary>
/// A flow whose trouble rose: records rejected, failed or held for review (queued), per 1,000 records the flow processed,
/// this week and the week before (null when it processed nothing). <see cref="Rise"/> is how the flows are ranked.
/// </summary>
public sealed record DigestHotspot(Guid FlowId, string Name, double Processed, double Trouble, double? PerThousand, double? PerThousandBefore,
    double? SuccessRate, double? SuccessRateBefore)
{
    /// <summary>The rise in trouble per 1,000 records; a flow without records the week before rises from zero.</summary>
    public double Rise => (PerThousand ?? 0) - (PerThousandBefore ?? 0);
}
