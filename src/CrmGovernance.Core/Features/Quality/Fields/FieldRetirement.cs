namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>
/// A proposal to retire a catalog field in three reviewed steps, each its own change request: stop writing it (the
/// mappings that write it removed), mark it deprecated, and after the watch period remove it from the catalog. Which
/// steps are done is read from the published configuration, so a rolled-back step shows as not done again.
/// </summary>
public sealed class FieldRetirement
{
    public long Id { get; set; }
    public Guid FieldId { get; set; }
    public Guid SystemId { get; set; }
    public Guid ObjectId { get; set; }
    public string Field { get; set; } = "";
    public string Reason { get; set; } = "";

    /// <summary>Days between the deprecation's publication and the earliest removal.</summary>
    public int WatchDays { get; set; }

    public string ProposedBy { get; set; } = "";
    public DateTime ProposedUtc { get; set; }

    /// <summary>The change request of each step, the latest one when a step was started again.</summary>
    public Guid? StopWritingRequestId { get; set; }
    public Guid? DeprecateRequestId { get; set; }
    public Guid? RetireRequestId { get; set; }

    public string? AbandonedBy { get; set; }
    public DateTime? AbandonedUtc { get; set; }
}

public enum RetirementStep { StopWriting, Deprecate, Retire, Done }
