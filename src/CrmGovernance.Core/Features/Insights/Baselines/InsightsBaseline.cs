namespace CrmGovernance.Core.Features.Insights.Baselines;

/// <summary>
/// A named period (for example "the four weeks before go-live") that an object's or a flow's figures are compared with.
/// One per object or flow; a flow's own baseline wins over its object's.
/// </summary>
public sealed class InsightsBaseline
{
    public long Id { get; set; }
    /// <summary>Set for an object's baseline (and <see cref="FlowId"/> null).</summary>
    public Guid? ObjectId { get; set; }
    /// <summary>Set for a flow's baseline (and <see cref="ObjectId"/> null).</summary>
    public Guid? FlowId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string SetBy { get; set; } = "";
    public DateTime SetUtc { get; set; }
}
