namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>
/// The matchable values of one record of a system's object, kept by the portal so incoming records can be matched
/// fuzzily against a target without asking it for every candidate. Written by the worker's writes, merges and scans;
/// a removed record stays as a tombstone so other processes' in-memory indexes learn of it.
/// </summary>
public sealed class MatchIndexEntry
{
    public Guid SystemId { get; set; }
    public Guid ObjectId { get; set; }
    public string RecordId { get; set; } = "";
    /// <summary>Attribute → raw value (JSON object).</summary>
    public string ValuesJson { get; set; } = "{}";
    public DateTime UpdatedUtc { get; set; }
    public bool IsDeleted { get; set; }
}
