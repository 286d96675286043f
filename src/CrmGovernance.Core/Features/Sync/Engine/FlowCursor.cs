namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Where a flow's reading stands in its source, and who holds the flow's lease (one run of a flow at a time, across
/// processes: the portal's scheduler and the CLI).
/// </summary>
public sealed class FlowCursor
{
    public Guid FlowId { get; set; }
    public string? Cursor { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public long? LastRunId { get; set; }
    public string? LeaseHolder { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
}
