namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

/// <summary>
/// A crosswalk link a merge moved from the merged record to the survivor, with what it said before (its earlier
/// merged-from id, when an older merge had moved it already), so an unmerge can put it back exactly.
/// </summary>
public sealed record MovedLink(long LinkId, Guid SourceSystemId, string SourceId, Guid FlowId, string? PreviousMergedFromId);
