namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>What a bulk merge did: items merged, items left because they scored below the bar, and items that failed with why.</summary>
public sealed record BulkMergeResult(int Merged, int BelowScore, IReadOnlyList<(long ItemId, string Error)> Failed)
{
    /// <summary>Items left for a steward because the two records' mailboxes and employers both differ.</summary>
    public int MailboxAndEmployerDiffer { get; init; }
}
