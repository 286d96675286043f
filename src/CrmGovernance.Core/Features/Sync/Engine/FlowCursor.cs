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
    /// <summary>When a run last read the source to its end (whether it found something or not): the flow's "last checked".</summary>
    public DateTime? LastCheckedUtc { get; set; }
    /// <summary>Scheduled and inbox polls that found nothing since the last run that was kept; such polls keep no run of their own.</summary>
    public int EmptyChecks { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
}
