namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// A merge written to a target system: the surviving record took the chosen values and the other was removed; its
/// crosswalk links now point to the survivor. Everything needed to undo it is kept: both records' values before, and
/// the links that moved.
/// </summary>
public sealed class RecordMerge
{
    public long Id { get; set; }
    public long ReviewItemId { get; set; }
    public Guid SystemId { get; set; }
    public Guid ObjectId { get; set; }
    public string SurvivorId { get; set; } = "";
    public string MergedId { get; set; } = "";
    /// <summary>JSON objects of field → value.</summary>
    public string SurvivorBeforeJson { get; set; } = "{}";
    public string MergedBeforeJson { get; set; } = "{}";
    public string SurvivorAfterJson { get; set; } = "{}";
    /// <summary>The crosswalk links moved from the merged record to the survivor (JSON array).</summary>
    public string MovedLinksJson { get; set; } = "[]";
    public string MergedBy { get; set; } = "";
    public DateTime MergedUtc { get; set; }
    public string? UnmergedBy { get; set; }
    public DateTime? UnmergedUtc { get; set; }
}
