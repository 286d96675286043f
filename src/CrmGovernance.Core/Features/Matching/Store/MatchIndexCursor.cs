namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>
/// How far the match index has read a target system's own changes to an object (records created or edited directly
/// in it), so each run reads only what changed since. <see cref="FieldMap"/> remembers which fields fed the attributes:
/// when a match rule names other fields, the target is read again from the start.
/// </summary>
public sealed class MatchIndexCursor
{
    public Guid SystemId { get; set; }
    public Guid ObjectId { get; set; }
    /// <summary>The connector's cursor after the last change read; null before the first read.</summary>
    public string? Cursor { get; set; }
    /// <summary>Attribute → field (JSON object) the cursor's reads used.</summary>
    public string FieldMap { get; set; } = "{}";
    public DateTime UpdatedUtc { get; set; }
}
