namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>A draft set of configuration edits with a title and a reason, reviewed by someone other than its author.</summary>
public sealed class ChangeRequest
{
    public Guid Id { get; set; }

    /// <summary>Human-friendly number, "CR-12".</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";
    public string Reason { get; set; } = "";
    public ChangeRequestStatus Status { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecisionComment { get; set; }

    /// <summary>The configuration version this request's approval published.</summary>
    public int? PublishedVersion { get; set; }

    /// <summary>For a rollback: the version it restores.</summary>
    public int? RestoresVersion { get; set; }

    public List<ChangeRequestItem> Items { get; set; } = [];

    public string Label => $"CR-{Number}";
}
