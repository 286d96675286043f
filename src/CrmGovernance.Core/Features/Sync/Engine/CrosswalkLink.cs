namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>Source system + record id ↔ target system + record id, for one object. One row per source record and target system.</summary>
public sealed class CrosswalkLink
{
    public long Id { get; set; }
    public Guid ObjectId { get; set; }
    public Guid SourceSystemId { get; set; }
    public string SourceId { get; set; } = "";
    public Guid TargetSystemId { get; set; }
    public string TargetId { get; set; } = "";
    public Guid FlowId { get; set; }
    public DateTime CreatedUtc { get; set; }
}
