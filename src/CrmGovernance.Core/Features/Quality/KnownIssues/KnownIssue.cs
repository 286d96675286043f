namespace CrmGovernance.Core.Features.Quality.KnownIssues;

/// <summary>
/// A finding of a system's object that its owner accepted, with a reason, until a date: shown as accepted (amber), never
/// hidden, and shown as a finding again once the date has passed or the acceptance was withdrawn.
/// </summary>
public sealed class KnownIssue
{
    public long Id { get; set; }
    public Guid SystemId { get; set; }
    public Guid ObjectId { get; set; }

    /// <summary>The catalog field; empty for a finding about the whole object (stale records).</summary>
    public string Field { get; set; } = "";

    public FindingKind Finding { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The last day the acceptance holds (in UTC dates).</summary>
    public DateOnly Until { get; set; }

    public string AcceptedBy { get; set; } = "";
    public DateTime AcceptedUtc { get; set; }
    public string? WithdrawnBy { get; set; }
    public DateTime? WithdrawnUtc { get; set; }

    public bool HoldsOn(DateOnly today) => WithdrawnUtc is null && today <= Until;
}
