using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// A review item with what the steward needs to decide it: both records' current values read from the target system
/// (or why they could not be read), the explanation of the score, where the records' crosswalk links come from, and the
/// item's merges so far.
/// </summary>
public sealed record ReviewComparison
{
    public required ReviewItem Item { get; init; }
    public required string SystemName { get; init; }
    public required string ObjectName { get; init; }
    public string? FlowName { get; init; }
    public IReadOnlyList<ComparisonExplanation> Explanations { get; init; } = [];

    /// <summary>Why the records cannot be compared or merged now (system unreachable, a record gone); null when they can.</summary>
    public string? TargetProblem { get; init; }

    public ConnectorRecord? Left { get; init; }
    public ConnectorRecord? Right { get; init; }
    public IReadOnlyList<ComparisonField> Fields { get; init; } = [];
    public IReadOnlyList<LinkedSource> Links { get; init; } = [];
    public Guid TargetSystemId { get; init; }

    /// <summary>
    /// The records' mailboxes and employers both differ (the match rule's guard): two people who share a name, so the
    /// pair is never merged in bulk with default choices; a steward decides it alone.
    /// </summary>
    public bool MailboxAndEmployerDiffer { get; init; }
    public SourceOfTruth? SourceOfTruth { get; init; }

    /// <summary>The item's merges, newest first (one stands at most; the others were undone).</summary>
    public IReadOnlyList<RecordMerge> Merges { get; init; } = [];

    /// <summary>For a held change: the field changes the run did not write, with the values when it held them; empty for a pair of duplicates.</summary>
    public IReadOnlyList<ProposedFieldChange> ProposedChanges { get; init; } = [];

    /// <summary>The name of the system the held change's source record came from (the flow's source), when known.</summary>
    public string? SourceSystemName { get; init; }

    public bool IsUndecided => ReviewPairs.IsUndecided(Item.Status);

    public bool CanMerge => !Item.IsHeldChange && IsUndecided && TargetProblem is null && Left is not null && Right is not null;

    /// <summary>A held change can be applied while undecided and while its existing record can be read.</summary>
    public bool CanApply => Item.IsHeldChange && IsUndecided && TargetProblem is null && Right is not null;

    public RecordMerge? StandingMerge => Merges.FirstOrDefault(m => m.Id == Item.MergeId && m.UnmergedUtc is null);

    public ConnectorRecord? Record(string id) => id == Item.LeftRecordId ? Left : id == Item.RightRecordId ? Right : null;

    public string OtherId(string id) => id == Item.LeftRecordId ? Item.RightRecordId : Item.LeftRecordId;
}
