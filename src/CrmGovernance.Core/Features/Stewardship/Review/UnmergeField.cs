namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>A survivor field the unmerge writes back: its value now, the value it had before the merge, and whether it changed since.</summary>
public sealed record UnmergeField(string Name, string? Now, string? Restore, bool ChangedSinceMerge);
