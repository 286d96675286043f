namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// What undoing a merge will do, shown before it is done: the merged record re-created with its id and every value it
/// had, and the survivor's fields set back to their values before the merge. A field that changed since the merge (by
/// the worker or by hand) is a conflict: unmerging overwrites it, so the steward must confirm.
/// </summary>
public sealed record UnmergePreview(RecordMerge Merge, string SystemName, string? TargetProblem, IReadOnlyList<UnmergeField> Survivor,
    IReadOnlyDictionary<string, string?> Recreate)
{
    public IReadOnlyList<UnmergeField> Conflicts => Survivor.Where(f => f.ChangedSinceMerge).ToList();

    public bool CanUnmerge => TargetProblem is null && Merge.UnmergedUtc is null;
}
