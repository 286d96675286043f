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
    /// <summary>The target id this link pointed to before a merge moved it to the survivor (kept so the merged id stays known).</summary>
    public string? MergedFromId { get; set; }
    /// <summary>
    /// The link was made by the match rule (a fuzzy match), not by creating the record or by an exact key: later updates
    /// through it are still guarded against writing over the target's identity fields (see <c>IdentityGuard</c>).
    /// </summary>
    public bool ByMatchRule { get; set; }
}
